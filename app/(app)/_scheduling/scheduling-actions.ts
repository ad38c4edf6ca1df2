import type { SchedulingActions } from "@/components/scheduling/types";
import { bookMeetingAction, deleteMeetingAction, markOutcomeAction, reassignMeetingAction, reassignOptionsAction } from "./actions";

/** The booking, delete, outcome and reassign actions, handed by the record routes to the scheduling components. */
export const schedulingActions: SchedulingActions = {
  bookMeeting: bookMeetingAction,
  deleteMeeting: deleteMeetingAction,
  markOutcome: markOutcomeAction,
  reassignOptions: reassignOptionsAction,
  reassignMeeting: reassignMeetingAction,
};
