import "server-only";
import { z } from "zod";
import { bookedMeetingSchema, meetingDeletionSchema } from "@/lib/server/api/contract/meetings";
import { hostCalendarSchema } from "@/lib/server/api/contract/calendar";
import { memberSearchSchema } from "@/lib/server/api/contract/members";
import { availabilityChangeSchema, proposalSchema, rotationDetailSchema, rotationListSchema } from "@/lib/server/api/contract/rotations";
import { bookMeetingInputSchema } from "@/lib/server/booking/input";
import { hostCalendarQuerySchema } from "@/lib/server/queries/get-host-calendar";
import { proposalQuerySchema } from "@/lib/server/queries/get-proposal";
import { memberSearchQuerySchema } from "@/lib/server/queries/member-options";
import { availabilityInputSchema } from "@/lib/server/use-cases/set-member-availability";
import { entityId, userId } from "@/lib/server/validation";
import { common, rotationId, type Operation } from "./operation";
import { CALENDAR_CONNECTION_OPERATIONS } from "./operations-calendars";
import { FAIRNESS_OPERATIONS } from "./operations-fairness";

export type { NamedSchema, Operation } from "./operation";

/**
 * Every route under app/api/v1, described once. The schemas are the ones the route handlers
 * and use cases parse and present with; a unit test checks this list against the route files.
 */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/rotations",
    operationId: "listRotations",
    summary: "List rotations",
    description: "Every rotation, by name. Needs a seat and the permission “Create scheduling pages for others”, or an admin (R4).",
    tag: "Rotations",
    success: { status: 200, description: "The rotations.", body: { name: "RotationList", schema: rotationListSchema } },
    errors: [...common, "forbidden"],
  },
  {
    method: "get",
    path: "/rotations/{id}",
    operationId: "getRotation",
    summary: "Get a rotation and its members",
    description: "Members in ranking order with their count since the last reset, last scheduled time, availability and eligibility (and why not).",
    tag: "Rotations",
    pathParams: { id: rotationId },
    success: { status: 200, description: "The rotation.", body: { name: "RotationDetail", schema: rotationDetailSchema } },
    errors: [...common, "forbidden", "rotation_not_found"],
  },
  {
    method: "get",
    path: "/rotations/{id}/proposal",
    operationId: "getProposal",
    summary: "Who is next",
    description:
      "The proposed member and the full ranking: lowest count (or largest weighted deficit), then least recently scheduled, then earliest to join, then user id (R8, R8w). Each member has one reason (R20): out of office and capped members are skipped (R16, R18); with `start`, members busy or outside working hours then keep their place and are passed over.",
    tag: "Rotations",
    pathParams: { id: rotationId },
    query: proposalQuerySchema,
    success: { status: 200, description: "The proposal.", body: { name: "Proposal", schema: proposalSchema } },
    errors: [...common, "forbidden", "rotation_not_found"],
  },
  {
    method: "patch",
    path: "/rotations/{id}/members/{userId}",
    operationId: "setMemberAvailability",
    summary: "Switch a member's availability",
    description: "Admins only. While off, the member is neither proposed nor bookable in this rotation (R5). Counts are untouched.",
    tag: "Rotations",
    pathParams: { id: rotationId, userId: { description: "The member's user id.", schema: userId } },
    body: { name: "AvailabilityInput", schema: availabilityInputSchema },
    success: { status: 200, description: "The member's availability now.", body: { name: "AvailabilityChange", schema: availabilityChangeSchema } },
    errors: [...common, "forbidden", "rotation_not_found", "not_a_member"],
  },
  {
    method: "post",
    path: "/meetings",
    operationId: "bookMeeting",
    summary: "Book a meeting",
    description:
      "From a CRM record, on your own calendar or through a rotation. With `rotationId` and no `hostUserId` the server assigns the fairest member who is free at that time, under the rotation's lock (R11), and returns the ranking it chose from. With `hostUserId` it books that member (the proposal or an override, R9).",
    tag: "Meetings",
    headerParams: {
      "Idempotency-Key": {
        description: "Optional, 1–255 printable ASCII characters, one per booking attempt. A retry with the same key within 24 hours gets the first answer (with the header `Idempotent-Replayed: true`) instead of booking again; the same key with another body is 422 `idempotency_key_reused`; while the first attempt runs, 409 `idempotency_key_in_use` (C7).",
        schema: z.string().min(1).max(255),
      },
    },
    body: { name: "BookMeetingInput", schema: bookMeetingInputSchema },
    success: { status: 201, description: "The meeting, and for rotation bookings how its host was chosen.", body: { name: "BookedMeeting", schema: bookedMeetingSchema } },
    errors: [...common, "forbidden", "record_not_found", "rotation_not_found", "slot_taken", "member_unavailable", "not_eligible", "not_a_member", "no_member_available", "no_member_free", "cap_reached", "out_of_office", "proposal_changed", "outside_working_hours", "in_the_past", "idempotency_key_reused", "idempotency_key_in_use"],
  },
  {
    method: "delete",
    path: "/meetings/{id}",
    operationId: "deleteMeeting",
    summary: "Delete a meeting",
    description: "The host, the person who booked it or an admin. Idempotent: deleting it again answers 200 with `deleted: false`. A rotation meeting booked since the last reset takes one from its host's count (R6).",
    tag: "Meetings",
    pathParams: { id: { description: "The meeting's id.", schema: entityId } },
    success: { status: 200, description: "What happened.", body: { name: "MeetingDeletion", schema: meetingDeletionSchema } },
    errors: [...common, "forbidden", "meeting_not_found"],
  },
  {
    method: "get",
    path: "/users/{id}/calendar",
    operationId: "getUserCalendar",
    summary: "A person's busy time and free slots",
    description: "Any signed-in user may read a colleague's busy blocks and free slots; meeting and block titles are shown only on your own calendar.",
    tag: "Calendars",
    pathParams: { id: { description: "The user's id.", schema: userId } },
    query: hostCalendarQuerySchema,
    success: { status: 200, description: "Busy blocks and free slots.", body: { name: "UserCalendar", schema: hostCalendarSchema } },
    errors: [...common, "forbidden", "user_not_found"],
  },
  {
    method: "get",
    path: "/member-options",
    operationId: "searchMemberOptions",
    summary: "Search the teams and users a rotation can include",
    description:
      "Admins only. Teams whose name, and users whose name or email, contains `q` (any case), by name: at most 20, teams first. Users who cannot be members are listed with the reason (R3).",
    tag: "Rotations",
    query: memberSearchQuerySchema,
    success: { status: 200, description: "The matches.", body: { name: "MemberSearch", schema: memberSearchSchema } },
    errors: [...common, "forbidden"],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    tag: "Meta",
    success: { status: 200, description: "The OpenAPI 3.1 description of this API.", body: { name: "OpenApiDocument", schema: z.looseObject({ openapi: z.string() }) } },
    errors: [],
    public: true,
  },
  ...FAIRNESS_OPERATIONS,
  ...CALENDAR_CONNECTION_OPERATIONS,
];
