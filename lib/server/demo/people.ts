import "server-only";
import type { WorkingHours } from "@/lib/domain/working-hours";

/** The demo organisation's people. Every demo sign-in uses DEMO_PASSWORD. */
export const DEMO_PASSWORD = "rotations-demo";

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  team: "Sales EMEA" | "Sales Americas" | "Support APAC" | null;
  role?: "admin" | "member";
  seatAssigned?: boolean;
  canScheduleForOthers?: boolean;
  calendarConnected?: boolean;
  calendarSyncEnabled?: boolean;
  workingHours?: WorkingHours;
}

const weekdays = (start: string, end: string): WorkingHours => ({ weekdays: [1, 2, 3, 4, 5], start, end });

export const DEMO_PEOPLE: DemoPerson[] = [
  { id: "usr_morgan", name: "Morgan Lee", email: "morgan@acme.test", timeZone: "Europe/London", team: null, role: "admin", canScheduleForOthers: true },
  { id: "usr_james", name: "James Carter", email: "james@acme.test", timeZone: "America/New_York", team: "Sales Americas", canScheduleForOthers: true },
  { id: "usr_daniel", name: "Daniel Kim", email: "daniel@acme.test", timeZone: "America/New_York", team: null },
  { id: "usr_camille", name: "Camille Dubois", email: "camille@acme.test", timeZone: "Europe/Paris", team: "Sales EMEA", canScheduleForOthers: true },
  { id: "usr_lukas", name: "Lukas Schmidt", email: "lukas@acme.test", timeZone: "Europe/Berlin", team: "Sales EMEA", workingHours: weekdays("08:00", "16:00") },
  { id: "usr_sofia", name: "Sofia Rossi", email: "sofia@acme.test", timeZone: "Europe/Rome", team: "Sales EMEA", calendarSyncEnabled: false },
  { id: "usr_olivia", name: "Olivia Martinez", email: "olivia@acme.test", timeZone: "America/Chicago", team: "Sales Americas" },
  { id: "usr_ethan", name: "Ethan Brooks", email: "ethan@acme.test", timeZone: "America/Los_Angeles", team: "Sales Americas", seatAssigned: false },
  { id: "usr_noah", name: "Noah Williams", email: "noah@acme.test", timeZone: "America/New_York", team: "Sales Americas", calendarConnected: false },
  { id: "usr_priya", name: "Priya Sharma", email: "priya@acme.test", timeZone: "Asia/Kolkata", team: "Support APAC", canScheduleForOthers: true, workingHours: weekdays("10:00", "18:00") },
  { id: "usr_wei", name: "Wei Chen", email: "wei@acme.test", timeZone: "Asia/Singapore", team: "Support APAC" },
  { id: "usr_mia", name: "Mia Thompson", email: "mia@acme.test", timeZone: "Australia/Sydney", team: "Support APAC", workingHours: weekdays("08:30", "16:30") },
];

export const DEMO_TEAMS = ["Sales EMEA", "Sales Americas", "Support APAC"] as const;
