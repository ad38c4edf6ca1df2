import type { AppError } from "@/lib/domain/result";

export type BookingTab = "meeting" | "rotation";

/** Everything the rep has chosen in the "Schedule meeting" dialog so far. */
export interface BookingFormState {
  tab: BookingTab;
  rotationId: string;
  /** A member the rep picked instead of the proposed one (R9 override), or null for the proposal. */
  overrideHost: string | null;
  /**
   * The host of a refused booking. The dialog keeps them when the refusal moves the proposal
   * on (someone else booked), so the rep never finds another member chosen without a word.
   */
  pinnedHost: string | null;
  duration: number;
  /** The picked slot's start (ISO), or null. */
  slot: string | null;
  title: string;
  location: string;
  attendees: string[];
  error: AppError | null;
}

export type BookingFormEvent =
  | { type: "tabChosen"; tab: BookingTab }
  | { type: "rotationChosen"; rotationId: string }
  | { type: "hostChosen"; hostUserId: string; proposedId: string | null }
  | { type: "durationChosen"; minutes: number }
  | { type: "weekChanged" }
  | { type: "slotPicked"; start: string }
  | { type: "titleEdited"; title: string }
  | { type: "locationEdited"; location: string }
  | { type: "attendeeToggled"; contactId: string; invited: boolean }
  | { type: "bookingStarted" }
  | { type: "bookingFailed"; error: AppError; hostUserId: string | null };

export interface BookingFormStart {
  canUseRotations: boolean;
  rotationId: string;
  recordName: string;
  contactIds: string[];
}

export function initialBookingForm(start: BookingFormStart): BookingFormState {
  return {
    tab: start.canUseRotations ? "rotation" : "meeting",
    rotationId: start.rotationId,
    overrideHost: null,
    pinnedHost: null,
    duration: 30,
    slot: null,
    title: `Meeting with ${start.recordName}`,
    location: "",
    attendees: start.contactIds,
    error: null,
  };
}

/** Any change of host, week or duration clears the picked slot (it may no longer exist) and the error. */
function withFreshCalendar(state: BookingFormState, change: Partial<BookingFormState>): BookingFormState {
  return { ...state, ...change, slot: null, error: null };
}

/** Editing a field answers its error: the field stops showing red, the other errors stay. */
function withoutFieldError(error: AppError | null, field: string): AppError | null {
  if (!error?.fields?.[field]) return error;
  const rest = Object.fromEntries(Object.entries(error.fields).filter(([name]) => name !== field));
  return Object.keys(rest).length === 0 && error.code === "validation" ? null : { ...error, fields: rest };
}

export function bookingFormReducer(state: BookingFormState, event: BookingFormEvent): BookingFormState {
  switch (event.type) {
    case "tabChosen":
      return withFreshCalendar(state, { tab: event.tab });
    case "rotationChosen":
      // The proposal belongs to the rotation: a new rotation drops any override.
      return withFreshCalendar(state, { rotationId: event.rotationId, overrideHost: null, pinnedHost: null });
    case "hostChosen":
      // Choosing the proposed member again is no override.
      return withFreshCalendar(state, { overrideHost: event.hostUserId === event.proposedId ? null : event.hostUserId, pinnedHost: null });
    case "durationChosen":
      return withFreshCalendar(state, { duration: event.minutes });
    case "weekChanged":
      return withFreshCalendar(state, {});
    case "slotPicked":
      return { ...state, slot: event.start, error: null };
    case "titleEdited":
      return { ...state, title: event.title, error: withoutFieldError(state.error, "title") };
    case "locationEdited":
      return { ...state, location: event.location, error: withoutFieldError(state.error, "location") };
    case "attendeeToggled": {
      const others = state.attendees.filter((id) => id !== event.contactId);
      return { ...state, attendees: event.invited ? [...others, event.contactId] : others };
    }
    case "bookingStarted":
      return { ...state, error: null };
    case "bookingFailed":
      // A taken slot is gone for good; any other refusal leaves the rep's pick to correct.
      return {
        ...state,
        error: event.error,
        slot: event.error.code === "slot_taken" ? null : state.slot,
        pinnedHost: state.overrideHost === null ? event.hostUserId : null,
      };
  }
}
