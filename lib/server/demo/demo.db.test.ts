import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rotationMembers, rotations, users } from "@/db/schema";
import { loadActor } from "@/lib/server/actor";
import { getProposal } from "@/lib/server/queries/get-proposal";
import { describeEachDatabase } from "@/test/db";
import { seedDemoDataIfEmpty } from "./demo";

describeEachDatabase("demo data", (current) => {
  it("seeds a believable organisation once, and whose proposal is the rule's, not the first name", async () => {
    const { db } = current();
    const now = new Date("2030-03-04T10:00:00Z");
    expect(await seedDemoDataIfEmpty(db, now)).toBe(true);
    expect(await seedDemoDataIfEmpty(db, now)).toBe(false);

    const [people] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(people?.n).toBe(12);
    const zones = await db.selectDistinct({ tz: users.timeZone }).from(users);
    expect(zones.length).toBeGreaterThanOrEqual(3);

    const admin = await loadActor(db, "usr_morgan");
    if (!admin) throw new Error("admin missing");
    const [emea] = await db.select().from(rotations).where(eq(rotations.name, "EMEA inbound demos"));
    if (!emea) throw new Error("rotation missing");
    const proposal = await getProposal(db, admin, emea.id);
    if (!proposal.ok) throw new Error(proposal.error.message);
    expect(proposal.value.ranking.proposed?.name).toBe("Lukas Schmidt");
    const counts = await db.select({ userId: rotationMembers.userId, n: rotationMembers.bookedCount }).from(rotationMembers).where(eq(rotationMembers.rotationId, emea.id));
    expect(new Set(counts.map((c) => c.n)).size).toBeGreaterThan(1);
  });
});
