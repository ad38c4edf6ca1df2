import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "@/db/schema";
import { actorFor, insertAdmin, insertTeam, insertUser } from "@/test/factories";
import { describeEachDatabase } from "@/test/db";
import { memberOptionsFor, MEMBER_SEARCH_LIMIT, searchMemberOptions } from "./member-options";
import { TEAMS_PAGE_SIZE, listTeams } from "./teams";
import { USER_SEARCH_LIMIT, searchUserOptions } from "./user-options";
import { USERS_PAGE_SIZE, countUsers, listUsersPage } from "./users";

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** 120 users "User 000" … "User 119" (user007@…), every tenth without a seat, and the admin. */
async function seedPeople(db: Parameters<typeof insertUser>[0]) {
  const admin = await actorFor(db, (await insertAdmin(db, { id: "admin", name: "Ada Admin" })).id);
  await db.execute(sql`
    insert into ${users} (id, name, email, seat_assigned, calendar_connected, calendar_sync_enabled, active)
    select 'u' || lpad(n::text, 3, '0'), 'User ' || lpad(n::text, 3, '0'), 'user' || lpad(n::text, 3, '0') || '@example.test', n % 10 <> 0, true, true, n % 30 <> 1
    from generate_series(0, 119) as n`);
  return admin;
}

describeEachDatabase("settings lists: search and pages", (current) => {
  it("pages users by name, 50 a page, with exact rows and totals, the last page short and a page past the end showing the last", async () => {
    const { db } = current();
    const admin = await seedPeople(db);
    expect(USERS_PAGE_SIZE).toBe(50);
    const first = unwrap(await listUsersPage(db, admin, {}));
    // "Ada Admin" sorts first, then User 000 …
    expect(first.users.map((u) => u.name).slice(0, 3)).toEqual(["Ada Admin", "User 000", "User 001"]);
    expect(first.users.at(-1)?.name).toBe("User 048");
    expect(first.window).toMatchObject({ page: 1, first: 1, last: 50, total: 121, lastPage: 3 });
    expect(first.organisation).toEqual({ total: 121, active: 117 });

    const second = unwrap(await listUsersPage(db, admin, { page: 2 }));
    expect(second.users.map((u) => u.name)).toEqual(Array.from({ length: 50 }, (_, i) => `User ${String(49 + i).padStart(3, "0")}`));
    expect(second.window).toMatchObject({ page: 2, first: 51, last: 100 });

    const last = unwrap(await listUsersPage(db, admin, { page: 3 }));
    expect(last.users.map((u) => u.name)).toEqual(Array.from({ length: 21 }, (_, i) => `User ${String(99 + i).padStart(3, "0")}`));
    expect(last.window).toMatchObject({ page: 3, first: 101, last: 121 });
    expect(unwrap(await listUsersPage(db, admin, { page: 99 })).window.page).toBe(3);
    expect(unwrap(await countUsers(db, admin))).toBe(121);
  });

  it("searches users by name or email, ignoring case, with LIKE's wildcards taken literally", async () => {
    const { db } = current();
    const admin = await seedPeople(db);
    const byName = unwrap(await listUsersPage(db, admin, { q: "user 01" }));
    expect(byName.users.map((u) => u.id)).toEqual(["u010", "u011", "u012", "u013", "u014", "u015", "u016", "u017", "u018", "u019"]);
    expect(byName.window).toMatchObject({ total: 10, first: 1, last: 10, lastPage: 1 });
    expect(byName.organisation.total).toBe(121);
    expect(unwrap(await listUsersPage(db, admin, { q: "USER007@EXAMPLE" })).users.map((u) => u.id)).toEqual(["u007"]);
    expect(unwrap(await listUsersPage(db, admin, { q: "User_0" })).window.total).toBe(0);
    expect(unwrap(await listUsersPage(db, admin, { q: "%" })).window.total).toBe(0);
    const none = unwrap(await listUsersPage(db, admin, { q: "nobody", page: 2 }));
    expect(none).toMatchObject({ users: [], window: { total: 0, page: 1, first: 0, last: 0 } });
    // Searching "user" matches 120 of 121: three pages, the third of 20.
    expect(unwrap(await listUsersPage(db, admin, { q: "user", page: 3 })).window).toMatchObject({ first: 101, last: 120, total: 120 });
  });

  it("pages and searches teams by their name or a member's name or email, with members and rotations of that page only", async () => {
    const { db } = current();
    const admin = await seedPeople(db);
    for (let k = 0; k < 45; k++) await insertTeam(db, `Team ${String(k).padStart(2, "0")}`, [`u${String(k).padStart(3, "0")}`]);
    expect(TEAMS_PAGE_SIZE).toBe(20);
    const second = unwrap(await listTeams(db, admin, { page: 2 }));
    expect(second.teams.map((t) => t.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Team ${20 + i}`));
    expect(second.teams[0]?.members.map((m) => m.id)).toEqual(["u020"]);
    expect(second.window).toMatchObject({ first: 21, last: 40, total: 45, lastPage: 3 });
    expect(unwrap(await listTeams(db, admin, { page: 3 })).teams.map((t) => t.name)).toEqual(["Team 40", "Team 41", "Team 42", "Team 43", "Team 44"]);
    expect(unwrap(await listTeams(db, admin, { q: "team 3" })).teams.map((t) => t.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Team 3${i}`));
    // By a member: User 007 is in Team 07 only.
    const byMember = unwrap(await listTeams(db, admin, { q: "user007@" }));
    expect(byMember.teams.map((t) => t.name)).toEqual(["Team 07"]);
    expect(byMember.organisationTotal).toBe(45);
    expect(unwrap(await listTeams(db, admin, { q: "no such" })).window.total).toBe(0);
  });

  it("the member picker gets at most 20 matches, teams first, with the teams' members; and a form starts with just what is chosen", async () => {
    const { db } = current();
    const admin = await seedPeople(db);
    const teamIds: string[] = [];
    for (let k = 0; k < 12; k++) teamIds.push((await insertTeam(db, `User group ${k}`, [`u${String(k).padStart(3, "0")}`, "u100"])).id);
    const all = unwrap(await searchMemberOptions(db, admin, { q: "user" }));
    expect(MEMBER_SEARCH_LIMIT).toBe(20);
    expect(all.teams.length + all.users.length).toBe(20);
    expect(all.teams.map((t) => t.name)).toEqual(["User group 0", "User group 1", "User group 10", "User group 11", "User group 2", "User group 3", "User group 4", "User group 5"]);
    expect(all.users.map((u) => u.id)).toEqual(["u000", "u001", "u002", "u003", "u004", "u005", "u006", "u007", "u008", "u009", "u010", "u011"]);
    expect(all.more).toBe(true);
    expect(all.teams[0]?.memberIds).toEqual(["u000", "u100"]);
    expect(all.teamMembers.find((m) => m.id === "u000")).toMatchObject({ ineligibleText: "No seat" });

    const one = unwrap(await searchMemberOptions(db, admin, { q: "USER042@example" }));
    expect(one).toMatchObject({ teams: [], users: [{ id: "u042", name: "User 042", ineligibleText: "" }], more: false });

    const start = unwrap(await memberOptionsFor(db, admin, { userIds: ["u050"], teamIds: [teamIds[3] ?? ""] }));
    expect(start.teams.map((t) => [t.name, t.memberIds])).toEqual([["User group 3", ["u003", "u100"]]]);
    expect(start.users.map((u) => u.id)).toEqual(["u003", "u050", "u100"]);
  });

  it("the out-of-office user search gets at most 20 active users by name, with their zones, and finds one by email", async () => {
    const { db } = current();
    const admin = await seedPeople(db);
    expect(USER_SEARCH_LIMIT).toBe(20);
    const first = unwrap(await searchUserOptions(db, admin, { q: "user" }));
    // User 001 has left (every thirtieth from 1 is inactive): the list goes on to User 020.
    const expected = Array.from({ length: 21 }, (_, n) => `u${String(n).padStart(3, "0")}`).filter((id) => id !== "u001");
    expect(first.users.map((u) => u.id)).toEqual(expected);
    expect(first.more).toBe(true);
    const one = unwrap(await searchUserOptions(db, admin, { q: "USER091@" }));
    expect(one).toEqual({ users: [], more: false });
    const found = unwrap(await searchUserOptions(db, admin, { q: "user092@example" }));
    expect(found).toEqual({ users: [{ id: "u092", name: "User 092", email: "user092@example.test", timeZone: "UTC" }], more: false });
  });

  it("R4: only admins list, search or count", async () => {
    const { db } = current();
    await seedPeople(db);
    const rep = await actorFor(db, (await insertUser(db, { id: "rep", canScheduleForOthers: true })).id);
    for (const result of [
      await listUsersPage(db, rep, {}),
      await listTeams(db, rep, {}),
      await searchMemberOptions(db, rep, { q: "u" }),
      await searchUserOptions(db, rep, { q: "u" }),
      await memberOptionsFor(db, rep, { userIds: [], teamIds: [] }),
      await countUsers(db, rep),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
  });
});
