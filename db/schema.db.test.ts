import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { meetings, users } from "@/db/schema";
import { describeEachDatabase } from "@/test/db";

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code;
}

describeEachDatabase("database schema", (current) => {
  async function insertHost(id: string) {
    await current().db.insert(users).values({ id, name: id, email: `${id}@example.com` });
  }

  async function insertMeeting(hostUserId: string, start: string, end: string) {
    return current().db.insert(meetings).values({
      hostUserId,
      bookedByUserId: hostUserId,
      recordType: "contact",
      recordId: "00000000-0000-4000-8000-000000000001",
      title: "Intro",
      startsAt: new Date(start),
      endsAt: new Date(end),
    });
  }

  it("refuses a second live meeting that overlaps the host's first (R10)", async () => {
    await insertHost("h1");
    await insertMeeting("h1", "2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z");
    const overlap = insertMeeting("h1", "2030-01-07T09:15:00Z", "2030-01-07T09:45:00Z");
    await expect(overlap).rejects.toSatisfy((error: unknown) => errorCode(error) === "23P01");
  });

  it("allows back-to-back meetings and overlaps with other hosts", async () => {
    await insertHost("h1");
    await insertHost("h2");
    await insertMeeting("h1", "2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z");
    await insertMeeting("h1", "2030-01-07T09:30:00Z", "2030-01-07T10:00:00Z");
    await insertMeeting("h2", "2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z");
    const [row] = await current().db.select({ n: sql<number>`count(*)::int` }).from(meetings);
    expect(row?.n).toBe(3);
  });

  it("frees the slot once a meeting is deleted", async () => {
    await insertHost("h1");
    await insertMeeting("h1", "2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z");
    await current().db.update(meetings).set({ deletedAt: new Date() });
    await insertMeeting("h1", "2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z");
    const [row] = await current().db.select({ n: sql<number>`count(*)::int` }).from(meetings);
    expect(row?.n).toBe(2);
  });

  it("keeps e-mail addresses unique whatever their case", async () => {
    await insertHost("h1");
    const duplicate = current().db.insert(users).values({ id: "h2", name: "x", email: "H1@EXAMPLE.com" });
    await expect(duplicate).rejects.toSatisfy((error: unknown) => errorCode(error) === "23505");
  });
});
