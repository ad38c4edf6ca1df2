import "server-only";
import { addDays } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { Database } from "@/db/client";
import { accounts, busyBlocks, companies, contacts, dealContacts, deals, meetings, outOfOfficePeriods, rotations, teamMembers, teams, tickets, users } from "@/db/schema";
import { freeSlots } from "@/lib/domain/slots";
import { DEFAULT_WORKING_HOURS } from "@/lib/domain/working-hours";
import { loadActor, type Actor } from "@/lib/server/actor";
import { loadBusyIntervals } from "@/lib/server/calendar/busy";
import { bookMeeting } from "@/lib/server/booking/book-meeting";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { demoCompanies, demoContacts, demoDeals, demoTickets } from "./crm";
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from "./people";

const ADMIN_ID = "usr_morgan";
const BOOKER_ID = "usr_james";

/** Loads the demo organisation into an empty database; does nothing if anyone exists. */
export async function seedDemoDataIfEmpty(db: Database, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemoData(db, now);
  return true;
}

/**
 * One transaction: a seed that fails half-way leaves nothing behind, so the next start (which
 * seeds only an empty database) tries again instead of keeping half an organisation. The use
 * cases it calls run their own transactions as savepoints inside this one.
 */
export async function seedDemoData(db: Database, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await seedPeople(tx);
    const contactIds = await seedCrm(tx);
    await seedBusyBlocks(tx, now);
    const admin = await mustLoad(tx, ADMIN_ID);
    const booker = await mustLoad(tx, BOOKER_ID);
    const rotationIds = await seedRotations(tx, admin);
    await seedBookings(tx, booker, rotationIds, contactIds, now);
    await seedFairnessControls(tx, rotationIds, now);
  });
}

/**
 * Something for each fairness control to show (DESIGN §8) without changing today's
 * proposals: Support escalations caps each member at 10 meetings a week, and Mia has a
 * holiday booked three weeks out.
 */
async function seedFairnessControls(db: Database, rotationIds: { support: string }, now: Date): Promise<void> {
  await db.update(rotations).set({ weeklyCap: 10 }).where(eq(rotations.id, rotationIds.support));
  const start = addDays(now, 21);
  start.setUTCHours(0, 0, 0, 0);
  await db.insert(outOfOfficePeriods).values({ userId: "usr_mia", startsAt: start, endsAt: addDays(start, 5), note: "Holiday", createdByUserId: ADMIN_ID });
}

async function mustLoad(db: Database, id: string): Promise<Actor> {
  const actor = await loadActor(db, id);
  if (!actor) throw new Error(`demo user ${id} missing`);
  return actor;
}

async function seedPeople(db: Database): Promise<void> {
  // One hash for all: every demo account shares the password, and scrypt is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.insert(users).values(
    DEMO_PEOPLE.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      emailVerified: true,
      role: p.role ?? "member",
      seatAssigned: p.seatAssigned ?? true,
      canScheduleForOthers: p.canScheduleForOthers ?? false,
      calendarConnected: p.calendarConnected ?? true,
      calendarSyncEnabled: p.calendarSyncEnabled ?? true,
      timeZone: p.timeZone,
      workingHours: p.workingHours ?? DEFAULT_WORKING_HOURS,
    })),
  );
  await db.insert(accounts).values(
    DEMO_PEOPLE.map((p) => ({ id: `acc_${p.id}`, accountId: p.id, providerId: "credential", userId: p.id, password: passwordHash })),
  );
  const teamRows = await db.insert(teams).values(DEMO_TEAMS.map((name) => ({ name }))).returning();
  const teamId = new Map(teamRows.map((t) => [t.name, t.id]));
  await db.insert(teamMembers).values(
    DEMO_PEOPLE.filter((p) => p.team).map((p) => ({ teamId: teamId.get(p.team ?? "") ?? "", userId: p.id })),
  );
}

async function seedCrm(db: Database): Promise<string[]> {
  const companyRows = await db.insert(companies).values(demoCompanies()).returning({ id: companies.id });
  const companyIds = companyRows.map((c) => c.id);
  const contactRows = await db.insert(contacts).values(demoContacts(companyIds)).returning({ id: contacts.id, companyId: contacts.companyId });
  const dealRows = await db.insert(deals).values(demoDeals(companyIds)).returning({ id: deals.id, companyId: deals.companyId });
  // Each deal involves the contacts of its company (one to three of them).
  const links = dealRows.flatMap((deal) =>
    contactRows.filter((c) => c.companyId === deal.companyId).slice(0, 3).map((c) => ({ dealId: deal.id, contactId: c.id })),
  );
  if (links.length > 0) await db.insert(dealContacts).values(links).onConflictDoNothing();
  await db.insert(tickets).values(demoTickets(contactRows));
  return contactRows.map((c) => c.id);
}

/** A few hours a week of calendar busy time per person, so calendars look lived in. */
async function seedBusyBlocks(db: Database, now: Date): Promise<void> {
  const summaries = ["Focus time", "Team stand-up", "1:1", "Customer call", "Lunch"];
  const rows = DEMO_PEOPLE.flatMap((person, p) => {
    const hours = person.workingHours ?? DEFAULT_WORKING_HOURS;
    const from = addDays(now, 1);
    const to = addDays(now, 21);
    // Busy blocks sit on slot boundaries in the person's own zone, at varied times.
    const slots = freeSlots({ timeZone: person.timeZone, workingHours: hours, busy: [], from, to, durationMinutes: 60, now });
    return slots
      .filter((_, i) => (i * 7 + p * 3) % 11 === 0)
      .map((slot, i) => ({ userId: person.id, summary: summaries[(i + p) % summaries.length] ?? null, startsAt: slot.start, endsAt: slot.end }));
  });
  if (rows.length > 0) await db.insert(busyBlocks).values(rows);
}

async function seedRotations(db: Database, admin: Actor): Promise<{ emea: string; support: string }> {
  const teamRows = await db.select().from(teams);
  const teamId = (name: string) => teamRows.find((t) => t.name === name)?.id ?? "";
  const emea = await createRotation(db, admin, {
    name: "EMEA inbound demos",
    distribution: "even",
    teamIds: [teamId("Sales EMEA")],
    userIds: ["usr_olivia"],
  });
  const support = await createRotation(db, admin, {
    name: "Support escalations",
    distribution: "weighted",
    userIds: ["usr_priya", "usr_wei", "usr_mia"],
    weights: { usr_priya: 2 },
  });
  if (!emea.ok || !support.ok) throw new Error(`demo rotations: ${JSON.stringify([emea, support])}`);
  return { emea: emea.value.rotationId, support: support.value.rotationId };
}

/**
 * Books through the real use case so counts, recency and history are what the app would
 * have produced. Counts differ on purpose: the proposal is then visibly the rule's
 * (EMEA: Lukas has fewest; Support: Priya's weight of 2 puts her first despite a tie).
 */
async function seedBookings(db: Database, booker: Actor, rotationIds: { emea: string; support: string }, contactIds: string[], now: Date): Promise<void> {
  const plan: Array<[rotation: keyof typeof rotationIds, host: string]> = [
    ["emea", "usr_camille"], ["emea", "usr_olivia"], ["emea", "usr_camille"], ["emea", "usr_lukas"],
    ["emea", "usr_olivia"], ["emea", "usr_camille"],
    ["support", "usr_wei"], ["support", "usr_priya"], ["support", "usr_mia"], ["support", "usr_wei"], ["support", "usr_priya"],
  ];
  for (const [index, [rotation, host]] of plan.entries()) {
    const person = DEMO_PEOPLE.find((p) => p.id === host);
    if (!person) continue;
    const from = addDays(now, 1 + (index % 5));
    const to = addDays(from, 7);
    const busy = await loadBusyIntervals(db, [host], from, to);
    const workingHours = person.workingHours ?? DEFAULT_WORKING_HOURS;
    const slot = freeSlots({ timeZone: person.timeZone, workingHours, busy, from, to, durationMinutes: 30, now })[index % 3];
    if (!slot) continue;
    const contactId = contactIds[(index * 5) % contactIds.length] ?? "";
    const result = await bookMeeting(
      db,
      booker,
      { recordType: "contact", recordId: contactId, title: "Product demo", start: slot.start.toISOString(), durationMinutes: 30, rotationId: rotationIds[rotation], hostUserId: host },
      now,
    );
    if (!result.ok) throw new Error(`demo booking: ${result.error.code} ${result.error.message}`);
  }
  // A meeting from last week on the first contact's timeline, booked before anyone here.
  const [firstContact] = contactIds;
  if (firstContact) {
    const start = addDays(now, -7);
    start.setUTCHours(15, 0, 0, 0);
    await db.insert(meetings).values({
      hostUserId: BOOKER_ID,
      bookedByUserId: BOOKER_ID,
      recordType: "contact",
      recordId: firstContact,
      title: "Discovery call",
      startsAt: start,
      endsAt: new Date(start.getTime() + 30 * 60_000),
    });
  }
}
