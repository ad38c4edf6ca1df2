import { calendarConnectionSchema, connectResultSchema, disconnectedSchema, presentConnectResult, presentConnectionState } from "@/lib/server/api/contract/connections";
import { errorResponse } from "@/lib/server/api/errors";
import { authenticated, respond } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/json-body";
import { refuseQuery } from "@/lib/server/api/query";
import { getCalendarConnectionState } from "@/lib/server/queries/calendar-connection";
import { connectCalendar, disconnectCalendar } from "@/lib/server/use-cases/calendar-connection";

/** Your calendar connection and its sync state (C1, C3). */
export const GET = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await getCalendarConnectionState(db, actor), (state) => calendarConnectionSchema.parse(presentConnectionState(state)));
});

/** Connects your calendar: CalDAV (discovery, then the calendar chosen) or an iCal address. */
export const POST = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  const result = await connectCalendar(db, actor, body.value);
  return respond(result, (value) => connectResultSchema.parse(presentConnectResult(value)), result.ok && result.value.connected ? 201 : 200);
});

/** Disconnects your calendar; its busy time goes with it. Idempotent. */
export const DELETE = authenticated(async ({ request, actor, db }) => {
  const query = refuseQuery(request);
  if (!query.ok) return errorResponse(query.error);
  return respond(await disconnectCalendar(db, actor), (value) => disconnectedSchema.parse(value));
});
