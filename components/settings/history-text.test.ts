import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/server/queries/rotation-history";
import { describeHistoryEntry } from "./history-text";

const base: HistoryEntry = {
  id: 1,
  type: "rotation_created",
  occurredAt: new Date("2030-01-07T09:00:00Z"),
  actorName: "Morgan Lee",
  subjectName: null,
  proposedHostName: null,
  chosenHostName: null,
  isOverride: null,
  details: {},
};

describe("history in words", () => {
  it.each([
    [{ type: "availability_changed", subjectName: "Lukas Schmidt", details: { available: false } }, "Morgan Lee turned availability off for Lukas Schmidt", undefined],
    [{ type: "member_added", subjectName: "Olivia Martinez", details: { teamName: "Closers" } }, "Morgan Lee added Olivia Martinez", "Joined the team Closers."],
    [{ type: "member_removed", subjectName: "Olivia Martinez", details: { teamName: "Closers", teamDeleted: true } }, "Morgan Lee removed Olivia Martinez", "The team Closers was deleted."],
    [{ type: "counts_reset", details: { newMembers: ["a", "b"] } }, "Every count was reset to 0", "2 new members joined."],
    [{ type: "rotation_renamed", details: { from: "A", to: "B" } }, "Morgan Lee renamed the rotation from “A” to “B”", undefined],
    [{ type: "rotation_settings_changed", details: { distribution: { from: "even", to: "weighted" } } }, "Morgan Lee changed the distribution from evenly to weighted", undefined],
    [
      { type: "rotation_settings_changed", subjectName: "Sofia Rossi", details: { memberEligibility: { from: [], to: ["calendar_sync_off"] } } },
      "Sofia Rossi is no longer eligible",
      "Changed by Morgan Lee: calendar sync off. Not proposed until this is fixed.",
    ],
    [{ type: "meeting_deleted", actorName: null, chosenHostName: "Wei Chen", details: { title: "Demo", countDecremented: false } }, "Someone deleted “Demo” with Wei Chen", "Booked before the last reset, so no count changed."],
  ] as const)("%o", (entry, summary, detail) => {
    expect(describeHistoryEntry({ ...base, ...entry })).toEqual({ summary, detail });
  });

  it("R12: a booking names the proposed and the chosen host, and says when the rep overrode the proposal", () => {
    const booked = { ...base, type: "meeting_booked" as const, actorName: "James Carter", details: { title: "Intro" } };
    expect(describeHistoryEntry({ ...booked, proposedHostName: "Lukas Schmidt", chosenHostName: "Camille Dubois", isOverride: true })).toEqual({
      summary: "James Carter booked “Intro” with Camille Dubois",
      detail: "Proposed: Lukas Schmidt. Chosen: Camille Dubois. Override: the rep chose another member.",
    });
    expect(describeHistoryEntry({ ...booked, proposedHostName: "Lukas Schmidt", chosenHostName: "Lukas Schmidt", isOverride: false, details: { title: "Intro", autoAssigned: true } }).detail).toBe(
      "Proposed: Lukas Schmidt. Chosen: Lukas Schmidt. Assigned automatically.",
    );
  });
});
