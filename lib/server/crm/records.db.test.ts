import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { companies, contacts, dealContacts, deals, tickets } from "@/db/schema";
import { RECORD_TYPES } from "@/lib/domain/records";
import { seedDemoData } from "@/lib/server/demo/demo";
import { getRecordDetail } from "@/lib/server/queries/record-detail";
import { PAGE_SIZE, listRecords } from "@/lib/server/queries/record-list";
import { describeEachDatabase } from "@/test/db";
import { findRecordSummary } from "./records";

const TABLES = { contact: contacts, company: companies, deal: deals, ticket: tickets } as const;

describeEachDatabase("CRM records through the one table of record types (§4)", (current) => {
  it("lists, pages, searches, details and summarises every record type", async () => {
    const { db } = current();
    await seedDemoData(db);
    for (const type of RECORD_TYPES) {
      const all = await db.select().from(TABLES[type]);
      const first = await listRecords(db, type, { page: 1 });
      expect(first.total, type).toBe(all.length);
      expect(first.rows.length, type).toBe(Math.min(PAGE_SIZE, all.length));
      expect(first.pageCount, type).toBe(Math.max(1, Math.ceil(all.length / PAGE_SIZE)));
      expect(first.rows.every((row) => row.cells.length === first.columns.length), type).toBe(true);

      const named = first.rows[0];
      if (!named) throw new Error(`no ${type} in the demo`);
      const found = await listRecords(db, type, { query: named.name.slice(0, 6) });
      expect(found.rows.map((r) => r.id), type).toContain(named.id);
      // A % typed in the box means itself: nothing in the demo has one.
      expect((await listRecords(db, type, { query: "%" })).total, type).toBe(0);

      const detail = await getRecordDetail(db, type, named.id);
      expect(detail?.name, type).toBe(named.name);
      expect((await findRecordSummary(db, type, named.id))?.name, type).toBe(named.name);
      expect(await getRecordDetail(db, type, "00000000-0000-4000-8000-000000000000"), type).toBeUndefined();
      expect(await findRecordSummary(db, type, "00000000-0000-4000-8000-000000000000"), type).toBeUndefined();
    }
  });

  it("a deal's default attendees and its Contacts association are its linked contacts", async () => {
    const { db } = current();
    await seedDemoData(db);
    const [link] = await db.select().from(dealContacts).limit(1);
    if (!link) throw new Error("no deal contacts in the demo");
    const linked = (await db.select().from(dealContacts).where(eq(dealContacts.dealId, link.dealId))).map((l) => l.contactId).sort();
    expect((await findRecordSummary(db, "deal", link.dealId))?.contactIds.sort()).toEqual(linked);
    const detail = await getRecordDetail(db, "deal", link.dealId);
    expect(detail?.associations.find((a) => a.label === "Contacts")?.records.map((r) => r.id).sort()).toEqual(linked);
  });
});
