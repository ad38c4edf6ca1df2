import "server-only";
import { asc, eq, ilike } from "drizzle-orm";
import type { Database } from "@/db/client";
import { companies, dealContacts, deals } from "@/db/schema";
import { formatCalendarDate } from "@/lib/domain/format-time";
import { companyById, contactsByIds } from "./associations";
import { countWhere, type RecordKind } from "./kind";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

async function contactIdsOf(db: Database, dealId: string): Promise<string[]> {
  const links = await db.select({ id: dealContacts.contactId }).from(dealContacts).where(eq(dealContacts.dealId, dealId));
  return links.map((l) => l.id);
}

export const dealKind: RecordKind = {
  async summary(db, id) {
    const [row] = await db.select().from(deals).where(eq(deals.id, id));
    return row && { type: "deal", id, name: row.name, contactIds: await contactIdsOf(db, id) };
  },

  async detail(db, id) {
    const [d] = await db.select().from(deals).where(eq(deals.id, id));
    if (!d) return undefined;
    return {
      type: "deal",
      id,
      name: d.name,
      properties: [
        { label: "Stage", value: d.stage },
        { label: "Amount", value: d.amount ? `$${Number(d.amount).toLocaleString("en-US")}` : "" },
        { label: "Close date", value: d.closeDate ? formatCalendarDate(d.closeDate) : "" },
      ],
      associations: [
        { label: "Company", type: "company", records: await companyById(db, d.companyId) },
        { label: "Contacts", type: "contact", records: await contactsByIds(db, await contactIdsOf(db, id)) },
      ],
    };
  },

  columns: ["Stage", "Amount", "Company"],
  async list(db, { pattern, limit, offset }) {
    const where = pattern ? ilike(deals.name, pattern) : undefined;
    const rows = await db
      .select({ deal: deals, companyName: companies.name })
      .from(deals)
      .leftJoin(companies, eq(companies.id, deals.companyId))
      .where(where)
      .orderBy(asc(deals.name), asc(deals.id))
      .limit(limit)
      .offset(offset);
    return {
      total: await countWhere(db, deals, where),
      rows: rows.map(({ deal, companyName }) => ({ id: deal.id, name: deal.name, cells: [deal.stage, deal.amount ? money.format(Number(deal.amount)) : "", companyName ?? ""] })),
    };
  },
};
