"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useReducer, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import { proposalQuery, resetScheduling } from "@/lib/query/scheduling";
import { lastUsedRotation, rememberRotation } from "./last-rotation";
import { bookingFormReducer, initialBookingForm, type BookingFormEvent } from "./booking-form-state";
import type { SchedulingActions, SchedulingContext } from "./types";
import { useAttemptKey } from "./use-attempt-key";
import { useHostWeek } from "./use-host-week";

/**
 * The "Schedule meeting" dialog's state (one reducer), the proposal and host calendar it reads,
 * and the booking itself. The form only renders what this returns and sends events back.
 */
export function useBookingForm(context: SchedulingContext, bookMeeting: SchedulingActions["bookMeeting"], onBooked: (meetingId: string) => void) {
  const { record, viewer } = context;
  const [state, dispatch] = useReducer(bookingFormReducer, context, (start) =>
    initialBookingForm({ canUseRotations: start.canUseRotations, rotationId: lastUsedRotation(start.rotations), recordName: record.name, contactIds: record.contacts.map((c) => c.id) }),
  );
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const attemptKey = useAttemptKey();

  const { tab, rotationId, overrideHost, pinnedHost, duration, slot } = state;
  const proposal = useQuery({ ...proposalQuery(rotationId), enabled: tab === "rotation" && rotationId !== "" });
  const proposedId = proposal.data?.ranking.proposed?.userId ?? null;
  const hostUserId = tab === "meeting" ? viewer.id : rotationId ? (overrideHost ?? pinnedHost ?? proposedId) : null;
  const isOverride = tab === "rotation" && hostUserId !== null && proposedId !== null && hostUserId !== proposedId;
  const hostWeek = useHostWeek(hostUserId, viewer.timeZone, duration);
  const { calendar } = hostWeek;
  const slotStillFree = slot !== null && (calendar.data?.slots.some((s) => s.start === slot) ?? false);
  // R16, R18, R20: the host's calendar may be free at the picked time while a cap or an
  // out-of-office period keeps them off it; ask the ranking for that time and say so.
  const atSlot = useQuery({
    ...proposalQuery(rotationId, { start: slot ?? "", durationMinutes: duration }),
    enabled: tab === "rotation" && rotationId !== "" && slotStillFree,
  });
  const hostAtSlot = slotStillFree ? atSlot.data?.ranking.members.find((m) => m.userId === hostUserId) : undefined;
  const hostKeptOff = hostAtSlot && (hostAtSlot.status === "capped" || hostAtSlot.status === "out_of_office") ? hostAtSlot : null;
  const noSlotThisWeek = tab === "rotation" && calendar.data !== undefined && calendar.data.slots.length === 0;

  const send = (event: BookingFormEvent) => {
    if (event.type === "rotationChosen") rememberRotation(event.rotationId);
    dispatch(event);
  };

  const book = () =>
    startTransition(async () => {
      dispatch({ type: "bookingStarted" });
      const request = {
        recordType: record.type,
        recordId: record.id,
        title: state.title,
        start: slot ?? "",
        durationMinutes: duration,
        location: state.location.trim() || undefined,
        attendeeContactIds: state.attendees,
        ...(tab === "rotation" ? { rotationId, hostUserId: hostUserId ?? undefined, shownProposalUserId: proposedId ?? undefined } : {}),
      };
      const result = await bookMeeting(request, attemptKey.keyFor(request));
      attemptKey.answered();
      if (!result.ok) {
        dispatch({ type: "bookingFailed", error: result.error, hostUserId });
        // Someone else's booking or an admin's change made our view stale: fetch it again.
        await resetScheduling(queryClient);
        return;
      }
      await resetScheduling(queryClient);
      const hostName = calendar.data?.name ?? "the host";
      toast(result.value.isOverride ? `Meeting booked with ${hostName} (override).` : `Meeting booked with ${hostName}.`);
      router.refresh();
      onBooked(result.value.meetingId);
    });

  return {
    state,
    send,
    book,
    pending,
    proposal,
    proposedId,
    hostUserId,
    isOverride,
    hostWeek,
    slotStillFree,
    hostKeptOff,
    noSlotThisWeek,
    previousWeek: () => {
      dispatch({ type: "weekChanged" });
      hostWeek.previousWeek();
    },
    nextWeek: () => {
      dispatch({ type: "weekChanged" });
      hostWeek.nextWeek();
    },
  };
}
