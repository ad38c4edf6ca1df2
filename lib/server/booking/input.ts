import "server-only";
import { z } from "zod";
import { RECORD_TYPES } from "@/lib/domain/records";
import { MEETING_DURATIONS } from "@/lib/domain/slots";
import { entityId, plainText, userId } from "@/lib/server/validation";

/** How far ahead a meeting may be booked; keeps nonsense dates out of calendars. */
export const BOOKING_HORIZON_DAYS = 366;

export const bookMeetingInputSchema = z.strictObject({
  recordType: z.enum(RECORD_TYPES, { message: "Choose a contact, company, deal or ticket." }),
  recordId: entityId,
  title: plainText({ max: 200, required: "Enter a title." }),
  start: z.iso
    .datetime({ offset: true, message: "Use an ISO 8601 time with an offset, e.g. 2030-01-07T09:00:00Z." })
    .transform((value) => new Date(value)),
  durationMinutes: z.literal(MEETING_DURATIONS, { message: "Choose 15, 30, 45 or 60 minutes." }),
  location: plainText({ max: 500 }).optional(),
  attendeeContactIds: z.array(entityId).max(50).optional(),
  rotationId: entityId.optional(),
  /** Omitted with a rotation: the server picks the fairest free member (R11). */
  hostUserId: userId.optional(),
  /**
   * R21: the proposal the rep was shown. With it, the booking is an override only if the host
   * differs from it, and a proposal that has moved on since is refused (409 proposal_changed).
   */
  shownProposalUserId: userId.optional(),
});

export type BookMeetingInput = z.output<typeof bookMeetingInputSchema>;
