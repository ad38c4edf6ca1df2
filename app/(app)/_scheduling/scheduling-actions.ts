import type { SchedulingActions } from "@/components/scheduling/types";
import { bookMeetingAction, deleteMeetingAction } from "./actions";

/** The booking and delete actions, handed by the record routes to the scheduling components. */
export const schedulingActions: SchedulingActions = { bookMeeting: bookMeetingAction, deleteMeeting: deleteMeetingAction };
