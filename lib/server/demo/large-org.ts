import "server-only";
import { eq, like, sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { Database } from "@/db/client";
import { rotationMembers, rotations, users } from "@/db/schema";
import { rowsOf } from "@/db/client";
import { loadActor } from "@/lib/server/actor";
import { createRotation } from "@/lib/server/use-cases/create-rotation";
import { DEMO_PASSWORD } from "./people";

/*
 * The large organisation (`npm run db:seed -- --large`): 2,000 more users in 200 more teams
 * and a rotation of 300 members with a month of meetings, added beside the demo so its
 * sign-ins still work. Set-based: each table is one INSERT … SELECT over generate_series,
 * so it loads in seconds on PostgreSQL and PGlite. Users, teams and names are the same every
 * time (the n-th user is `usr_lg_0000` + n), so benchmarks and tests can name them.
 */

export const LARGE_ORG = {
  users: 2_000,
  teams: 200,
  rotationName: "Global inbound",
  /** The rotation's members: every user of its first ROTATION_TEAMS teams plus DIRECT_MEMBERS chosen one by one. */
  rotationTeams: 25,
  directMembers: 50,
  meetings: 1_000,
  userIdPrefix: "usr_lg_",
} as const;

const ADMIN_ID = "usr_morgan";
// 50 × 40 = 2,000 distinct names: user n is FIRST[n % 50] LAST[⌊n / 50⌋].
const FIRST = ["Aaron", "Beatriz", "Carlos", "Dana", "Elif", "Felix", "Gabriela", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nadia", "Omar", "Petra", "Quinn", "Rafael", "Sara", "Tomas", "Uma", "Victor", "Wanda", "Xavier", "Yara", "Zoe", "Amir", "Bianca", "Cyrus", "Delia", "Emil", "Freya", "Gustav", "Helena", "Igor", "Jasmin", "Karl", "Luisa", "Mateo", "Nora", "Otto", "Pia", "Ruben", "Selma", "Theo", "Ursula", "Vera", "Wim", "Yusuf", "Zara"];
const LAST = ["Abbott", "Baker", "Carvalho", "Dimitrov", "Evans", "Ferrari", "Gomez", "Hansen", "Ibrahim", "Jensen", "Khan", "Lindqvist", "Mendes", "Nguyen", "Olsen", "Park", "Quiroga", "Reyes", "Sato", "Torres", "Ueda", "Vargas", "Walsh", "Xu", "Yilmaz", "Zimmer", "Alvarez", "Brandt", "Chen", "Duarte", "Engel", "Fontaine", "Gallo", "Horvat", "Ivanova", "Jovanovic", "Keller", "Lopez", "Meyer", "Novak"];
// 20 places × 10 functions = 200 team names: team k is PLACE[k % 20] FUNCTION[⌊k / 20⌋].
const PLACES = ["Amsterdam", "Athens", "Austin", "Bogota", "Cairo", "Dublin", "Helsinki", "Jakarta", "Lagos", "Lima", "Lisbon", "Madrid", "Manila", "Montreal", "Nairobi", "Osaka", "Prague", "Seoul", "Vienna", "Warsaw"];
const FUNCTIONS = ["Sales", "Support", "Success", "Partners", "Renewals", "Onboarding", "Enterprise", "SMB", "Solutions", "Inbound"];
const ZONES = ["Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney"];

function textArray(values: readonly string[]) {
  if (!values.every((v) => /^[A-Za-z/_ ]+$/.test(v))) throw new Error("large-org names must be plain letters");
  return sql.raw(`array[${values.map((v) => `'${v}'`).join(",")}]::text[]`);
}

/** R3 for the generated users: one in 25 has no seat, one in 40 no connected calendar. */
export function largeOrgUserEligible(n: number): boolean {
  return n % 25 !== 7 && n % 40 !== 13;
}

export const largeOrgUserId = (n: number) => `${LARGE_ORG.userIdPrefix}${String(n).padStart(4, "0")}`;

/** Adds the large organisation unless it is there already; true when it added it. */
export async function seedLargeOrganisationIfMissing(db: Database, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(like(users.id, `${LARGE_ORG.userIdPrefix}%`));
  if ((row?.n ?? 0) > 0) return false;
  await db.transaction((tx) => seedLargeOrganisation(tx, now));
  return true;
}

async function seedLargeOrganisation(db: Database, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const n = sql.raw("n");
  const first = sql`(${textArray(FIRST)})[1 + ${n} % ${FIRST.length}]`;
  const last = sql`(${textArray(LAST)})[1 + ${n} / ${FIRST.length}]`;
  const userId = sql`${LARGE_ORG.userIdPrefix} || lpad(${n}::text, 4, '0')`;
  const teamName = (k: ReturnType<typeof sql>) => sql`(${textArray(PLACES)})[1 + ${k} % ${PLACES.length}] || ' ' || (${textArray(FUNCTIONS)})[1 + ${k} / ${PLACES.length}]`;

  await db.execute(sql`
    insert into users (id, name, email, email_verified, seat_assigned, calendar_connected, calendar_sync_enabled, time_zone)
    select ${userId}, ${first} || ' ' || ${last}, lower(${first} || '.' || ${last}) || '@large.acme.test', true,
           ${n} % 25 <> 7, ${n} % 40 <> 13, true, (${textArray(ZONES)})[1 + ${n} % ${ZONES.length}]
    from generate_series(0, ${LARGE_ORG.users - 1}::int) as n`);
  await db.execute(sql`
    insert into accounts (id, account_id, provider_id, user_id, password)
    select 'acc_' || id, id, 'credential', id, ${passwordHash} from users where id like ${`${LARGE_ORG.userIdPrefix}%`}`);
  await db.execute(sql`insert into teams (name) select ${teamName(sql.raw("k"))} from generate_series(0, ${LARGE_ORG.teams - 1}::int) as k`);
  // User n is in team n mod 200: ten users a team.
  await db.execute(sql`
    insert into team_members (team_id, user_id)
    select t.id, ${userId} from generate_series(0, ${LARGE_ORG.users - 1}::int) as n
    join teams t on t.name = ${teamName(sql`(${n} % ${LARGE_ORG.teams})`)}`);

  const rotationId = await createLargeRotation(db);
  await seedMeetings(db, rotationId, now);
}

/** Through the real use case, so members, sources and history are what the app makes. */
async function createLargeRotation(db: Database): Promise<string> {
  const admin = await loadActor(db, ADMIN_ID);
  if (!admin) throw new Error("the large organisation is added to the demo: seed the demo first");
  const teamNames = Array.from({ length: LARGE_ORG.rotationTeams }, (_, k) => `${PLACES[k % PLACES.length]} ${FUNCTIONS[Math.floor(k / PLACES.length)]}`);
  const teamRows = rowsOf<{ id: string }>(await db.execute(sql`select id from teams where name in (${sql.join(teamNames.map((name) => sql`${name}`), sql`, `)})`));
  const direct: string[] = [];
  // Eligible users outside those teams (team = n mod 200), one by one.
  for (let n = 0; direct.length < LARGE_ORG.directMembers; n++) {
    if (n % LARGE_ORG.teams >= LARGE_ORG.rotationTeams && largeOrgUserEligible(n)) direct.push(largeOrgUserId(n));
  }
  const created = await createRotation(db, admin, { name: LARGE_ORG.rotationName, distribution: "even", teamIds: teamRows.map((t) => t.id), userIds: direct });
  if (!created.ok) throw new Error(`large rotation: ${created.error.message}`);
  return created.value.rotationId;
}

/**
 * A month of meetings through the rotation, each with its ledger entry, then the kept counts
 * and recency brought in line with them (what booking would have left). Meeting i is hosted
 * by member 7i mod 300, so a third of the members have one more than the others; a host's
 * meetings are a week apart, so none overlap (R10).
 */
async function seedMeetings(db: Database, rotationId: string, now: Date): Promise<void> {
  const [rotation] = await db.select().from(rotations).where(eq(rotations.id, rotationId));
  if (!rotation) throw new Error("large rotation missing");
  const count = LARGE_ORG.meetings;
  await db.execute(sql`
    with members as (
      select user_id, row_number() over (order by user_id) - 1 as m, count(*) over () as size
      from rotation_members where rotation_id = ${rotationId}),
    contact_ids as (select id, row_number() over (order by id) - 1 as c, count(*) over () as size from contacts),
    planned as (
      select i, (i * 7) % (select max(size) from members) as m, i / (select max(size) from members) as week
      from generate_series(0, ${count - 1}::int) as i),
    booked as (
      insert into meetings (host_user_id, booked_by_user_id, rotation_id, rotation_generation, rotation_seq, record_type, record_id, title, starts_at, ends_at, created_at, counted_at)
      select members.user_id, ${ADMIN_ID}, ${rotationId}::uuid, ${rotation.resetGeneration}::int, planned.i + 1, 'contact',
             (select id from contact_ids where c = planned.i % contact_ids_size.size), 'Intro call',
             date_trunc('day', ${now.toISOString()}::timestamptz) + (planned.week * 7 - 20) * interval '1 day' + (9 + members.m % 8) * interval '1 hour',
             date_trunc('day', ${now.toISOString()}::timestamptz) + (planned.week * 7 - 20) * interval '1 day' + (9 + members.m % 8) * interval '1 hour' + interval '30 minutes',
             ${now.toISOString()}::timestamptz - (${count} - planned.i) * interval '20 minutes',
             ${now.toISOString()}::timestamptz - (${count} - planned.i) * interval '20 minutes'
      from planned join members on members.m = planned.m
      cross join (select max(size) as size from contact_ids) as contact_ids_size
      returning id, host_user_id, counted_at, rotation_seq),
    ledger as (
      insert into count_entries (rotation_id, user_id, generation, delta, cause, meeting_id, counts_at, actor_user_id)
      select ${rotationId}::uuid, host_user_id, ${rotation.resetGeneration}::int, 1, 'meeting', id, counted_at, ${ADMIN_ID} from booked
      returning user_id)
    update rotation_members set booked_count = kept.n, last_scheduled_at = kept.at, last_scheduled_seq = kept.seq
    from (select host_user_id, count(*)::int as n, max(counted_at) as at, max(rotation_seq) as seq from booked group by host_user_id) as kept
    where rotation_members.rotation_id = ${rotationId} and rotation_members.user_id = kept.host_user_id`);
  // Counted since before the first of them, by members who were there.
  const since = new Date(now.getTime() - (count + 1) * 20 * 60_000);
  await db.update(rotations).set({ bookingSeq: count, countsResetAt: since }).where(eq(rotations.id, rotationId));
  await db.update(rotationMembers).set({ joinedAt: since }).where(eq(rotationMembers.rotationId, rotationId));
}
