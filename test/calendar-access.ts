import { expect } from "vitest";
import { CalendarAccessError } from "@/lib/server/calendar/remote/errors";

/** The CalendarAccessError a call fails with (and a failed expectation if it succeeds or fails otherwise). */
export async function accessFailure(promise: Promise<unknown>): Promise<CalendarAccessError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CalendarAccessError);
  return error as CalendarAccessError;
}
