import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/domain/result";
import { bookingFormReducer, initialBookingForm, type BookingFormEvent, type BookingFormState } from "./booking-form-state";

const start = initialBookingForm({ canUseRotations: true, rotationId: "rot-1", recordName: "Ada Lovelace", contactIds: ["c-1", "c-2"] });
/** A form where the rep has picked a slot, overridden the host and seen an error. */
const picked: BookingFormState = { ...start, slot: "2030-01-07T09:00:00.000Z", overrideHost: "u-2", error: { code: "validation", message: "Some fields need attention." } };

describe("initialBookingForm", () => {
  it("opens on the rotation tab only for reps who may book through rotations (R4)", () => {
    expect(start.tab).toBe("rotation");
    expect(initialBookingForm({ canUseRotations: false, rotationId: "", recordName: "Ada", contactIds: [] }).tab).toBe("meeting");
  });

  it("names the meeting after the record, invites the record's contacts and starts with 30 minutes and no slot", () => {
    expect(start).toMatchObject({ title: "Meeting with Ada Lovelace", attendees: ["c-1", "c-2"], duration: 30, slot: null, overrideHost: null, pinnedHost: null, error: null, rotationId: "rot-1" });
  });
});

describe("bookingFormReducer", () => {
  // Every change of host, week or duration clears the slot (it may no longer be free) and the error.
  it.each<[string, BookingFormEvent, Partial<BookingFormState>]>([
    ["a tab", { type: "tabChosen", tab: "meeting" }, { tab: "meeting", overrideHost: "u-2" }],
    ["a rotation, which also drops the override", { type: "rotationChosen", rotationId: "rot-2" }, { rotationId: "rot-2", overrideHost: null, pinnedHost: null }],
    ["another host (an override, R9)", { type: "hostChosen", hostUserId: "u-3", proposedId: "u-1" }, { overrideHost: "u-3", pinnedHost: null }],
    ["the proposed host again (no override)", { type: "hostChosen", hostUserId: "u-1", proposedId: "u-1" }, { overrideHost: null, pinnedHost: null }],
    ["a duration", { type: "durationChosen", minutes: 60 }, { duration: 60 }],
    ["a week", { type: "weekChanged" }, {}],
  ])("choosing %s clears the slot and the error", (_name, event, expected) => {
    expect(bookingFormReducer(picked, event)).toEqual({ ...picked, ...expected, slot: null, error: null });
  });

  it("picking a slot keeps the host and clears the error", () => {
    expect(bookingFormReducer(picked, { type: "slotPicked", start: "2030-01-07T10:00:00.000Z" })).toEqual({ ...picked, slot: "2030-01-07T10:00:00.000Z", error: null });
  });

  it("editing the title or location keeps the slot and an error that is not about that field", () => {
    expect(bookingFormReducer(picked, { type: "titleEdited", title: "Demo" })).toEqual({ ...picked, title: "Demo" });
    expect(bookingFormReducer(picked, { type: "locationEdited", location: "Room 2" })).toEqual({ ...picked, location: "Room 2" });
  });

  it("editing a field clears that field's error and keeps the others", () => {
    const both: AppError = { code: "validation", message: "Some fields need attention.", fields: { title: ["Enter a title."], location: ["Too long."] } };
    const afterTitle = bookingFormReducer({ ...picked, error: both }, { type: "titleEdited", title: "Demo" });
    expect(afterTitle.error).toEqual({ ...both, fields: { location: ["Too long."] } });
    expect(bookingFormReducer(afterTitle, { type: "locationEdited", location: "Room 2" }).error).toBeNull();
  });

  it("toggles attendees without duplicating them", () => {
    const without = bookingFormReducer(start, { type: "attendeeToggled", contactId: "c-1", invited: false });
    expect(without.attendees).toEqual(["c-2"]);
    expect(bookingFormReducer(without, { type: "attendeeToggled", contactId: "c-1", invited: true }).attendees).toEqual(["c-2", "c-1"]);
    expect(bookingFormReducer(start, { type: "attendeeToggled", contactId: "c-2", invited: true }).attendees).toEqual(["c-1", "c-2"]);
  });

  it("starting a booking clears the last error and keeps the slot", () => {
    expect(bookingFormReducer(picked, { type: "bookingStarted" })).toEqual({ ...picked, error: null });
  });

  it("a taken slot is dropped with the error; any other refusal keeps the slot to correct", () => {
    const taken: AppError = { code: "slot_taken", message: "That slot was just taken." };
    const invalid: AppError = { code: "validation", message: "Some fields need attention.", fields: { title: ["Enter a title."] } };
    expect(bookingFormReducer(picked, { type: "bookingFailed", error: taken, hostUserId: "u-2" })).toEqual({ ...picked, error: taken, slot: null });
    expect(bookingFormReducer(picked, { type: "bookingFailed", error: invalid, hostUserId: "u-2" })).toEqual({ ...picked, error: invalid });
  });

  it("a refused booking of the proposed member keeps that member chosen until the rep chooses again", () => {
    const taken: AppError = { code: "slot_taken", message: "That slot was just taken." };
    const refused = bookingFormReducer({ ...picked, overrideHost: null }, { type: "bookingFailed", error: taken, hostUserId: "u-1" });
    expect(refused).toMatchObject({ pinnedHost: "u-1", overrideHost: null });
    expect(bookingFormReducer(refused, { type: "hostChosen", hostUserId: "u-3", proposedId: "u-3" })).toMatchObject({ pinnedHost: null, overrideHost: null });
    expect(bookingFormReducer(refused, { type: "rotationChosen", rotationId: "rot-2" })).toMatchObject({ pinnedHost: null });
    expect(bookingFormReducer(refused, { type: "slotPicked", start: "2030-01-07T10:00:00.000Z" })).toMatchObject({ pinnedHost: "u-1" });
  });

  it("never changes the state it was given", () => {
    const frozen = Object.freeze({ ...picked, attendees: Object.freeze([...picked.attendees]) as string[] });
    expect(() => bookingFormReducer(frozen, { type: "attendeeToggled", contactId: "c-3", invited: true })).not.toThrow();
    expect(frozen.attendees).toEqual(["c-1", "c-2"]);
  });
});
