"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/domain/result";
import { asFormData } from "@/lib/forms/action-state";
import { runAction } from "@/lib/server/action";
import { connectCalendar, disconnectCalendar, syncCalendarNow } from "@/lib/server/use-cases/calendar-connection";
import type { ConnectFormState } from "./connect-form-state";

const PATH = "/settings/calendar";

/** Connect calendar: CalDAV or an iCal address; several CalDAV calendars come back to choose from. */
export async function connectCalendarAction(_previous: ConnectFormState, sent: unknown): Promise<ConnectFormState> {
  const formData = asFormData(sent);
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const input =
    text("kind") === "ical"
      ? { kind: "ical", icalUrl: text("icalUrl") }
      : { kind: "caldav", serverUrl: text("serverUrl"), username: text("username"), password: text("password"), calendarUrl: text("calendarUrl") || undefined };
  const result = await runAction(({ actor, db }) => connectCalendar(db, actor, input));
  if (!result.ok) return { status: "error", message: result.error.message, fields: result.error.fields ?? {} };
  if (!result.value.connected) return { status: "choose", calendars: result.value.calendars };
  revalidatePath("/", "layout");
  const message = result.value.syncError ? `Calendar connected, but the first sync failed: ${result.value.syncError}` : "Calendar connected and synced.";
  return { status: "success", message };
}

export async function syncCalendarNowAction(): Promise<Result<{ ok: boolean; error: string | null }>> {
  const result = await runAction(({ actor, db }) => syncCalendarNow(db, actor));
  revalidatePath(PATH);
  return result;
}

export async function disconnectCalendarAction(): Promise<Result<{ disconnected: boolean }>> {
  const result = await runAction(({ actor, db }) => disconnectCalendar(db, actor));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
