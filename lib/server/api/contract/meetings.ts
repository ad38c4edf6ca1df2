import "server-only";
import { z } from "zod";
import type { BookedMeeting } from "@/lib/server/booking/book-meeting";
import type { DeletedMeeting } from "@/lib/server/use-cases/delete-meeting";
import { iso, presentRanking, rankingSchema, timestamp } from "./common";

export const bookedMeetingSchema = z.strictObject({
  meeting: z.strictObject({
    id: z.guid(),
    hostUserId: z.string().describe("The host: the one asked for, or the one the rotation assigned."),
    start: timestamp,
    end: timestamp,
    rotationId: z.guid().nullable(),
  }),
  assignment: z
    .strictObject({
      autoAssigned: z.boolean().describe("True when no hostUserId was sent and the server chose the fairest free member (R11)."),
      proposedHostUserId: z.string().nullable().describe("Who the rotation proposed at booking time."),
      isOverride: z.boolean().describe("True when the host is not the proposed member (R9)."),
      ranking: rankingSchema.describe("The ranking the host was chosen from, as it stood before this booking."),
    })
    .nullable()
    .describe("Rotation bookings only."),
});

export function presentBookedMeeting(booked: BookedMeeting, autoAssigned: boolean): z.input<typeof bookedMeetingSchema> {
  return {
    meeting: { id: booked.meetingId, hostUserId: booked.hostUserId, start: iso(booked.startsAt), end: iso(booked.endsAt), rotationId: booked.rotationId },
    assignment: booked.ranking
      ? {
          autoAssigned,
          proposedHostUserId: booked.proposedHostUserId,
          isOverride: booked.isOverride,
          ranking: presentRanking(booked.ranking),
        }
      : null,
  };
}

export const meetingDeletionSchema = z.strictObject({
  meetingId: z.guid(),
  deleted: z.boolean().describe("False when the meeting was already deleted: deleting is idempotent."),
  countDecremented: z.boolean().describe("Whether the host's rotation count went down (R6, R7)."),
});

export function presentMeetingDeletion(deletion: DeletedMeeting): z.input<typeof meetingDeletionSchema> {
  return { meetingId: deletion.meetingId, deleted: deletion.deleted, countDecremented: deletion.countDecremented };
}
