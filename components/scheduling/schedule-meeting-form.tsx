"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { MEETING_DURATIONS } from "@/lib/domain/slots";
import type { BookingTab } from "./booking-form-state";
import { NextFreeMemberHint, RotationHostPicker } from "./rotation-host-picker";
import type { SchedulingActions, SchedulingContext } from "./types";
import { useBookingForm } from "./use-booking-form";
import { WeekCalendar } from "./week-calendar";

const tabClasses = "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700";

interface ScheduleMeetingFormProps {
  context: SchedulingContext;
  bookMeeting: SchedulingActions["bookMeeting"];
  onBooked: () => void;
}

/** The body of the "Schedule meeting" dialog: pick a host, a slot, the details, and book. */
export function ScheduleMeetingForm({ context, bookMeeting, onBooked }: ScheduleMeetingFormProps) {
  const { record, viewer } = context;
  const { state, send, book, pending, proposal, proposedId, hostUserId, hostWeek, slotStillFree, hostKeptOff, noSlotThisWeek, previousWeek, nextWeek } = useBookingForm(
    context,
    bookMeeting,
    onBooked,
  );
  const { tab, rotationId, duration, slot, error } = state;
  const { week, calendar, canGoBack } = hostWeek;

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        book();
      }}
    >
      <Tabs.Root value={tab} onValueChange={(value) => send({ type: "tabChosen", tab: value as BookingTab })}>
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
              onRotationChange={(id) => send({ type: "rotationChosen", rotationId: id })}
              proposal={proposal.data}
              proposalError={proposal.error ? proposal.error.message : null}
              proposalLoading={proposal.isFetching}
              hostUserId={hostUserId}
              onHostChange={(id) => send({ type: "hostChosen", hostUserId: id, proposedId })}
              viewerTimeZone={viewer.timeZone}
            />
          </Tabs.Content>
        )}
      </Tabs.Root>

      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField label="Title" value={state.title} onChange={(e) => send({ type: "titleEdited", title: e.target.value })} maxLength={200} errors={error?.fields?.title} required />
        <SelectField id="meeting-duration" label="Duration" value={duration} onChange={(e) => send({ type: "durationChosen", minutes: Number(e.target.value) })}>
          {MEETING_DURATIONS.map((d) => (
            <option key={d} value={d}>
              {d} minutes
            </option>
          ))}
        </SelectField>
      </div>

      {hostUserId && (
        <WeekCalendar
          calendar={calendar.data}
          isLoading={calendar.isPending}
          error={calendar.error ? calendar.error.message : null}
          week={week}
          viewerTimeZone={viewer.timeZone}
          selectedStart={slotStillFree ? slot : null}
          onSelect={(start) => send({ type: "slotPicked", start })}
          onPreviousWeek={previousWeek}
          onNextWeek={nextWeek}
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
          onChoose={(id) => send({ type: "hostChosen", hostUserId: id, proposedId: null })}
        />
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Attendees</legend>
          {record.contacts.length === 0 && <p className="text-sm text-slate-600">This record has no contacts.</p>}
          {record.contacts.map((c) => (
            <label key={c.id} className="mt-1 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={state.attendees.includes(c.id)} onChange={(e) => send({ type: "attendeeToggled", contactId: c.id, invited: e.target.checked })} />
              {c.name}
            </label>
          ))}
        </fieldset>
        <TextField
          label="Location or video link"
          value={state.location}
          onChange={(e) => send({ type: "locationEdited", location: e.target.value })}
          maxLength={500}
          hint="Optional"
          errors={error?.fields?.location}
        />
      </div>

      {hostKeptOff && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {hostKeptOff.name} can’t take this time: {hostKeptOff.reason.charAt(0).toLowerCase() + hostKeptOff.reason.slice(1)}. Pick another time or member.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.code === "slot_taken" ? `${error.message} The calendar has been refreshed; pick another slot.` : error.message}
        </p>
      )}
      <div className="flex items-center justify-end gap-3">
        {!slotStillFree && <p className="text-sm text-slate-600">Pick a free slot to book.</p>}
        <Button type="submit" disabled={pending || !slotStillFree || !hostUserId || hostKeptOff !== null}>
          {pending ? "Booking…" : "Book meeting"}
        </Button>
      </div>
    </form>
  );
}
