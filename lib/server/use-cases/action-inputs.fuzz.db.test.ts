import fc from "fast-check";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Result } from "@/lib/domain/result";
import type { Actor } from "@/lib/server/actor";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { changeTeamMembership } from "@/lib/server/use-cases/change-team-membership";
import { createApiToken } from "@/lib/server/use-cases/create-api-token";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { createTeam } from "@/lib/server/use-cases/create-team";
import { deleteMeeting } from "@/lib/server/use-cases/delete-meeting";
import { deleteRotation } from "@/lib/server/use-cases/delete-rotation";
import { deleteTeam } from "@/lib/server/use-cases/delete-team";
import { renameTeam } from "@/lib/server/use-cases/rename-team";
import { revokeApiToken } from "@/lib/server/use-cases/revoke-api-token";
import { setMemberAvailability } from "@/lib/server/use-cases/set-member-availability";
import { updateRotation } from "@/lib/server/use-cases/update-rotation";
import { updateUser } from "@/lib/server/use-cases/update-user";
import { notAString, refusedId, refusedObject, refusedText, textWithControl } from "@/test/api-fuzz/action-values";
import { bookingInput, NOW, rotationFixture, slot } from "@/test/booking-fixture";
import { describeEachDatabase } from "@/test/db";
import { fingerprint } from "@/test/db-fingerprint";
import { insertTeam } from "@/test/factories";

/*
 * What the server actions hand to their use cases, fuzzed: the actions are thin adapters, so
 * a crafted action request reaches exactly these calls. Every case is built to be refused
 * (control characters in text, objects where ids or text belong, deep nesting, unknown
 * fields, ids that name nothing); each must come back as a refusal value — never a thrown
 * database error, which the app would answer with a 500 — and the database must not change.
 */

const RUNS = { numRuns: 1000 };

type Call = (setting: Setting) => Promise<Result<unknown>>;

interface Setting {
  db: Database;
  admin: Actor;
  rep: Actor;
  contactId: string;
  rotationId: string;
  teamId: string;
  memberIds: string[];
}

async function arrange(db: Database): Promise<Setting> {
  const { admin, rep, contactId, rotationId, memberIds } = await rotationFixture(db, ["m1", "m2"]);
  const team = await insertTeam(db, "Sales", ["m1"]);
  return { db, admin, rep, contactId, rotationId, teamId: team.id, memberIds };
}

/** Runs every generated call and checks each is refused, then that nothing was written. */
async function expectAllRefused(db: Database, setting: Setting, calls: fc.Arbitrary<Call>): Promise<void> {
  const before = await fingerprint(db);
  await fc.assert(
    fc.asyncProperty(calls, async (call) => {
      const result = await call(setting);
      expect(result.ok).toBe(false);
    }),
    RUNS,
  );
  expect(await fingerprint(db)).toEqual(before);
}

const booking = (s: Setting) => bookingInput(s.contactId, slot(0), { rotationId: s.rotationId });

const bookingCalls: fc.Arbitrary<Call> = fc.oneof(
  refusedText.map((title): Call => (s) => bookMeeting(s.db, s.rep, { ...booking(s), title }, NOW)),
  fc.oneof(textWithControl, notAString.filter((v) => v !== undefined && v !== null)).map((location): Call => (s) => bookMeeting(s.db, s.rep, { ...booking(s), location }, NOW)),
  fc.constantFrom("recordId", "rotationId", "hostUserId", "attendeeContactIds").chain((field) =>
    // An empty attendee list is a valid one.
    notAString.filter((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map((value): Call => (s) => bookMeeting(s.db, s.rep, { ...booking(s), [field]: value }, NOW)),
  ),
  refusedObject.map((input): Call => (s) => bookMeeting(s.db, s.rep, input, NOW)),
);

const textFormCalls: fc.Arbitrary<Call> = fc.oneof(
  refusedText.map((name): Call => (s) => createApiToken(s.db, s.rep, { name })),
  refusedText.map((name): Call => (s) => createTeam(s.db, s.admin, { name })),
  refusedText.map((name): Call => (s) => renameTeam(s.db, s.admin, s.teamId, { name })),
  refusedText.map((name): Call => (s) => createRotation(s.db, s.admin, { name, userIds: s.memberIds })),
  refusedText.map((name): Call => (s) => updateRotation(s.db, s.admin, s.rotationId, { name, userIds: s.memberIds })),
  refusedObject.map((input): Call => (s) => createRotation(s.db, s.admin, input)),
  refusedObject.map((input): Call => (s) => updateUser(s.db, s.admin, "m1", input)),
  refusedText.map((timeZone): Call => (s) => updateUser(s.db, s.admin, "m1", { timeZone })),
  notAString.filter((v) => v !== undefined).map((workingHours): Call => (s) => updateUser(s.db, s.admin, "m1", { workingHours })),
);

const idCalls: fc.Arbitrary<Call> = fc.oneof(
  refusedId.map((id): Call => (s) => deleteMeeting(s.db, s.rep, id)),
  refusedId.map((id): Call => (s) => revokeApiToken(s.db, s.rep, id)),
  refusedId.map((id): Call => (s) => deleteTeam(s.db, s.admin, id)),
  refusedId.map((id): Call => (s) => deleteRotation(s.db, s.admin, id)),
  refusedId.map((id): Call => (s) => renameTeam(s.db, s.admin, id, { name: "Renamed" })),
  refusedId.map((id): Call => (s) => updateUser(s.db, s.admin, id, { seatAssigned: false })),
  fc.tuple(refusedId, fc.constantFrom("add", "remove") as fc.Arbitrary<"add" | "remove">).map(([id, change]): Call => (s) => changeTeamMembership(s.db, s.admin, s.teamId, id, change)),
  refusedId.map((id): Call => (s) => changeTeamMembership(s.db, s.admin, id, "m2", "add")),
  refusedId.map((id): Call => (s) => setMemberAvailability(s.db, s.admin, s.rotationId, id, { available: false })),
  notAString.filter((v) => typeof v !== "boolean").map((available): Call => (s) => setMemberAvailability(s.db, s.admin, s.rotationId, "m1", { available })),
);

describeEachDatabase("server action inputs, fuzzed", (current) => {
  it("booking: hostile titles, locations, ids and bodies are refused and write nothing", async () => {
    const { db } = current();
    await expectAllRefused(db, await arrange(db), bookingCalls);
  }, 240_000);

  it("forms with text (tokens, teams, rotations, users): hostile text and bodies are refused and write nothing", async () => {
    const { db } = current();
    await expectAllRefused(db, await arrange(db), textFormCalls);
  }, 240_000);

  it("actions taking ids: ids that name nothing are refused and write nothing", async () => {
    const { db } = current();
    await expectAllRefused(db, await arrange(db), idCalls);
  }, 240_000);
});
