import type { MeetingEvent } from "@/lib/server/mail/meeting-event";

/** A meeting as invitations and calendar writes see it; tests override what they are about. */
export function sampleMeetingEvent(overrides: Partial<MeetingEvent> = {}): MeetingEvent {
  return {
    id: "8b0c5a4e-0f6e-4a53-9d0a-3f1f5c2b7a10",
    sequence: 0,
    title: "Intro call",
    startsAt: new Date("2026-12-08T13:00:00Z"),
    endsAt: new Date("2026-12-08T13:30:00Z"),
    stampedAt: new Date("2026-12-01T09:15:00Z"),
    location: "Room 1",
    recordUrl: "https://crm.example/contacts/42",
    organizer: { name: "Lukas Schmidt", email: "lukas@acme.test" },
    attendees: [
      { name: "Alice Anderson", email: "alice@northwind.example" },
      { name: "Bob Brown", email: "bob@northwind.example" },
    ],
    ...overrides,
  };
}
