"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { AppError } from "@/lib/domain/result";
import { MEETING_DURATIONS } from "@/lib/domain/slots";
import type { BookingTab } from "./booking-form-state";
import { BookingSummary } from "./booking-summary";
import { NextFreeMemberHint, RotationHostPicker } from "./rotation-host-picker";
import type { SchedulingActions, SchedulingContext } from "./types";
import { useBookingForm } from "./use-booking-form";
import { WeekCalendar } from "./week-calendar";

const tabClasses = "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700";

interface ScheduleMeetingFormProps {
  context: SchedulingContext;
  bookMeeting: SchedulingActions["bookMeeting"];
  onBooked: (meetingId: string) => void;
}

function refusalText(error: AppError): string {
  if (error.code === "slot_taken") return `${error.message} The calendar has been refreshed; pick another slot.`;
  return error.message;
}

/**
 * The body of the "Schedule meeting" dialog: who hosts (the rotation's ranking, the proposal
 * chosen), their week, the details, and a footer that always shows what will be booked.
 */
export function ScheduleMeetingForm({ context, bookMeeting, onBooked }: ScheduleMeetingFormProps) {
  const { record, viewer } = context;
  const { state, send, book, pending, proposal, proposedId, hostUserId, isOverride, hostWeek, slotStillFree, hostKeptOff, noSlotThisWeek, previousWeek, nextWeek } =
    useBookingForm(context, bookMeeting, onBooked);
  const { tab, rotationId, duration, slot, error } = state;
  const { week, calendar, canGoBack } = hostWeek;
  const host = calendar.data && calendar.data.userId === hostUserId ? { name: calendar.data.name, timeZone: calendar.data.timeZone } : null;

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        book();
      }}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          {context.canUseRotations ? (
            <Tabs.Root value={tab} onValueChange={(value) => send({ type: "tabChosen", tab: value as BookingTab })}>
              <Tabs.List aria-label="Who hosts the meeting" className="mb-4 flex gap-2 border-b border-slate-200">
                <Tabs.Trigger value="meeting" className={tabClasses}>
                  Meeting
                </Tabs.Trigger>
                <Tabs.Trigger value="rotation" className={tabClasses}>
                  Meeting rotation
                </Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="meeting" className="text-sm text-slate-700">
                The meeting goes on your own calendar ({viewer.name}).
              </Tabs.Content>
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
            </Tabs.Root>
          ) : (
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
              The meeting goes on your own calendar ({viewer.name}). Booking for a meeting rotation needs the “Create scheduling pages for others” permission and a
              seat; an admin can give them in Settings → Users.
            </p>
          )}

          <div className="grid gap-4 sm:grid-cols-[1fr_10rem] lg:grid-cols-1">
            <TextField
              label="Title"
              value={state.title}
              onChange={(e) => send({ type: "titleEdited", title: e.target.value })}
              maxLength={200}
              errors={error?.fields?.title}
              required
              {...(context.canUseRotations ? {} : { "data-autofocus": true })}
            />
            <SelectField id="meeting-duration" label="Duration" value={duration} onChange={(e) => send({ type: "durationChosen", minutes: Number(e.target.value) })}>
              {MEETING_DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {d} minutes
                </option>
              ))}
            </SelectField>
          </div>

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

        <div className="flex min-w-0 flex-col gap-4">
          {hostUserId ? (
            <WeekCalendar
              calendar={calendar.data}
              isLoading={calendar.isPending}
              error={calendar.error ? calendar.error.message : null}
              week={week}
              viewerTimeZone={viewer.timeZone}
              durationMinutes={duration}
              selectedStart={slotStillFree ? slot : null}
              onSelect={(start) => send({ type: "slotPicked", start })}
              onPreviousWeek={previousWeek}
              onNextWeek={nextWeek}
              canGoBack={canGoBack}
            />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
              {rotationId ? "The host's week appears here once someone can take the meeting." : "Choose a rotation to see who is next and their week."}
            </p>
          )}
          {noSlotThisWeek && proposal.data && hostUserId && (
            <NextFreeMemberHint
              proposal={proposal.data}
              hostUserId={hostUserId}
              from={week.start.toISOString()}
              to={week.end.toISOString()}
              durationMinutes={duration}
              onChoose={(id) => send({ type: "hostChosen", hostUserId: id, proposedId })}
            />
          )}
        </div>
      </div>

      <BookingSummary
        host={host}
        viewerTimeZone={viewer.timeZone}
        slot={slotStillFree ? slot : null}
        durationMinutes={duration}
        isOverride={isOverride}
        pending={pending}
        blocked={hostKeptOff ? `${hostKeptOff.name} can’t take this time: ${hostKeptOff.reason.charAt(0).toLowerCase() + hostKeptOff.reason.slice(1)}. Pick another time or member.` : null}
        alert={error ? refusalText(error) : null}
      />
    </form>
  );
}
