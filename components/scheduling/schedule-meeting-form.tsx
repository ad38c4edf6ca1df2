"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import type { AppError } from "@/lib/domain/result";
import { MEETING_DURATIONS } from "@/lib/domain/slots";
import { proposalQuery, resetScheduling } from "@/lib/query/scheduling";
import { NextFreeMemberHint, RotationHostPicker } from "./rotation-host-picker";
import type { SchedulingActions, SchedulingContext } from "./types";
import { useHostWeek } from "./use-host-week";
import { WeekCalendar } from "./week-calendar";

type Tab = "meeting" | "rotation";
const LAST_ROTATION_KEY = "meeting-rotations:last-rotation";

/** Reps mostly book through the same rotation: start from the one they used last, if it still exists. */
function lastUsedRotation(rotations: SchedulingContext["rotations"]): string {
  const remembered = typeof window === "undefined" ? null : window.localStorage.getItem(LAST_ROTATION_KEY);
  return rotations.some((r) => r.id === remembered) ? (remembered ?? "") : "";
}
const tabClasses = "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700";

/** The body of the "Schedule meeting" dialog: pick a host, a slot, the details, and book. */
export function ScheduleMeetingForm({ context, bookMeeting, onBooked }: { context: SchedulingContext; bookMeeting: SchedulingActions["bookMeeting"]; onBooked: () => void }) {
  const { record, viewer } = context;
  const [tab, setTab] = useState<Tab>(context.canUseRotations ? "rotation" : "meeting");
  const [rotationId, setRotationId] = useState(() => lastUsedRotation(context.rotations));
  const [overrideHost, setOverrideHost] = useState<string | null>(null);
  const [duration, setDuration] = useState<number>(30);
  const [slot, setSlot] = useState<string | null>(null);
  const [title, setTitle] = useState(`Meeting with ${record.name}`);
  const [location, setLocation] = useState("");
  const [attendees, setAttendees] = useState(() => record.contacts.map((c) => c.id));
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();

  const proposal = useQuery({ ...proposalQuery(rotationId), enabled: tab === "rotation" && rotationId !== "" });
  const proposedId = proposal.data?.ranking.proposed?.userId ?? null;
  const hostUserId = tab === "meeting" ? viewer.id : rotationId ? (overrideHost ?? proposedId) : null;
  const { week, calendar, canGoBack, previousWeek, nextWeek } = useHostWeek(hostUserId, viewer.timeZone, duration);
  const slotStillFree = slot !== null && (calendar.data?.slots.some((s) => s.start === slot) ?? false);
  const noSlotThisWeek = tab === "rotation" && calendar.data !== undefined && calendar.data.slots.length === 0;

  /** Any change of host, week or duration clears the picked slot (it may no longer exist). */
  const choose = (change: () => void) => {
    setSlot(null);
    setError(null);
    change();
  };

  const book = () =>
    startTransition(async () => {
      setError(null);
      const result = await bookMeeting({
        recordType: record.type,
        recordId: record.id,
        title,
        start: slot ?? "",
        durationMinutes: duration,
        location: location.trim() || undefined,
        attendeeContactIds: attendees,
        ...(tab === "rotation" ? { rotationId, hostUserId: hostUserId ?? undefined } : {}),
      });
      if (!result.ok) {
        setError(result.error);
        if (result.error.code === "slot_taken") setSlot(null);
        // Someone else's booking or an admin's change made our view stale: fetch it again.
        await resetScheduling(queryClient);
        return;
      }
      await resetScheduling(queryClient);
      const hostName = calendar.data?.name ?? "the host";
      toast(result.value.isOverride ? `Meeting booked with ${hostName} (override).` : `Meeting booked with ${hostName}.`);
      router.refresh();
      onBooked();
    });

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        book();
      }}
    >
      <Tabs.Root value={tab} onValueChange={(value) => choose(() => setTab(value as Tab))}>
        <Tabs.List aria-label="Who hosts the meeting" className="mb-4 flex gap-2 border-b border-slate-200">
          <Tabs.Trigger value="meeting" className={tabClasses}>
            Meeting
          </Tabs.Trigger>
          {context.canUseRotations && (
            <Tabs.Trigger value="rotation" className={tabClasses}>
              Meeting rotation
            </Tabs.Trigger>
          )}
        </Tabs.List>
        <Tabs.Content value="meeting" className="text-sm text-slate-700">
          The meeting goes on your own calendar ({viewer.name}).
        </Tabs.Content>
        {context.canUseRotations && (
          <Tabs.Content value="rotation">
            <RotationHostPicker
              rotations={context.rotations}
              rotationId={rotationId}
              onRotationChange={(id) =>
                choose(() => {
                  setRotationId(id);
                  setOverrideHost(null);
                  window.localStorage.setItem(LAST_ROTATION_KEY, id);
                })
              }
              proposal={proposal.data}
              proposalError={proposal.error ? proposal.error.message : null}
              proposalLoading={proposal.isFetching}
              hostUserId={hostUserId}
              onHostChange={(id) => choose(() => setOverrideHost(id === proposedId ? null : id))}
              viewerTimeZone={viewer.timeZone}
            />
          </Tabs.Content>
        )}
      </Tabs.Root>

      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} errors={error?.fields?.title} required />
        <div className="flex flex-col gap-1">
          <label htmlFor="meeting-duration" className="text-sm font-medium text-slate-700">
            Duration
          </label>
          <select id="meeting-duration" value={duration} onChange={(e) => choose(() => setDuration(Number(e.target.value)))} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
            {MEETING_DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d} minutes
              </option>
            ))}
          </select>
        </div>
      </div>

      {hostUserId && (
        <WeekCalendar
          calendar={calendar.data}
          isLoading={calendar.isPending}
          error={calendar.error ? calendar.error.message : null}
          week={week}
          viewerTimeZone={viewer.timeZone}
          selectedStart={slotStillFree ? slot : null}
          onSelect={(start) => choose(() => setSlot(start))}
          onPreviousWeek={() => choose(previousWeek)}
          onNextWeek={() => choose(nextWeek)}
          canGoBack={canGoBack}
        />
      )}
      {noSlotThisWeek && proposal.data && hostUserId && (
        <NextFreeMemberHint
          proposal={proposal.data}
          hostUserId={hostUserId}
          from={week.start.toISOString()}
          to={week.end.toISOString()}
          durationMinutes={duration}
          onChoose={(id) => choose(() => setOverrideHost(id))}
        />
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Attendees</legend>
          {record.contacts.length === 0 && <p className="text-sm text-slate-600">This record has no contacts.</p>}
          {record.contacts.map((c) => (
            <label key={c.id} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={attendees.includes(c.id)}
                onChange={(e) => setAttendees((list) => (e.target.checked ? [...list, c.id] : list.filter((id) => id !== c.id)))}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
        <TextField label="Location or video link" value={location} onChange={(e) => setLocation(e.target.value)} maxLength={500} hint="Optional" errors={error?.fields?.location} />
      </div>

      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.code === "slot_taken" ? `${error.message} The calendar has been refreshed; pick another slot.` : error.message}
        </p>
      )}
      <div className="flex items-center justify-end gap-3">
        {!slotStillFree && <p className="text-sm text-slate-600">Pick a free slot to book.</p>}
        <Button type="submit" disabled={pending || !slotStillFree || !hostUserId}>
          {pending ? "Booking…" : "Book meeting"}
        </Button>
      </div>
    </form>
  );
}
