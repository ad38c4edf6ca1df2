import "server-only";
import { calendarConnectionSchema, connectResultSchema, disconnectedSchema, outboxPageSchema, syncNowSchema } from "@/lib/server/api/contract/connections";
import { outboxQuerySchema } from "@/lib/server/queries/outbox";
import { connectCalendarInputSchema } from "@/lib/server/use-cases/calendar-connection";
import { common, type Operation } from "./operation";

/** Real calendars and the outbox of DESIGN §9 (C1–C5) in the API. */
export const CALENDAR_CONNECTION_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/calendar-connection",
    operationId: "getCalendarConnection",
    summary: "Your calendar connection and its sync state",
    description: "Never returns the password or the iCal address. `blocksEligibility` is C3: failing for 30 minutes.",
    tag: "Calendars",
    success: { status: 200, description: "The state.", body: { name: "CalendarConnection", schema: calendarConnectionSchema } },
    errors: ["forbidden"],
  },
  {
    method: "post",
    path: "/calendar-connection",
    operationId: "connectCalendar",
    summary: "Connect your calendar",
    description:
      "CalDAV (server URL, username, password or app password) or an https iCal address. The account or feed is checked and synced at once; a wrong password, an unreachable or private address, or a file that is not iCalendar is a 422 `calendar_error` with the field. With several CalDAV calendars and no `calendarUrl`, the answer (200) lists them. Replaces any earlier connection.",
    tag: "Calendars",
    body: { name: "ConnectCalendarInput", schema: connectCalendarInputSchema },
    success: { status: 201, description: "Connected (201), or the calendars to choose from (200).", body: { name: "ConnectCalendarResult", schema: connectResultSchema } },
    errors: [...common, "forbidden", "calendar_error"],
  },
  {
    method: "delete",
    path: "/calendar-connection",
    operationId: "disconnectCalendar",
    summary: "Disconnect your calendar",
    description: "Its busy time is removed; R3 no longer counts the calendar as connected. Idempotent.",
    tag: "Calendars",
    success: { status: 200, description: "Whether something was connected.", body: { name: "CalendarDisconnected", schema: disconnectedSchema } },
    errors: ["forbidden"],
  },
  {
    method: "post",
    path: "/calendar-connection/sync",
    operationId: "syncCalendarNow",
    summary: "Sync your calendar now",
    description: "A failing server is reported in the body (`ok: false`, `error`); the last busy time is kept (C3).",
    tag: "Calendars",
    success: { status: 200, description: "The sync's outcome.", body: { name: "CalendarSyncOutcome", schema: syncNowSchema } },
    errors: ["forbidden", "calendar_not_connected"],
  },
  {
    method: "get",
    path: "/outbox",
    operationId: "listOutbox",
    summary: "Invitations and calendar writes, sent or waiting",
    description: "Admins only. Each message with its status, attempts and last error, newest first, 50 a page (C4, C5).",
    tag: "Calendars",
    query: outboxQuerySchema,
    success: { status: 200, description: "One page.", body: { name: "OutboxPage", schema: outboxPageSchema } },
    errors: [...common, "forbidden"],
  },
];
