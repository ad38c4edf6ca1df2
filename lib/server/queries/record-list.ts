import { asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { companies, contacts, deals, tickets, type RecordType } from "@/db/schema";

export const PAGE_SIZE = 20;
const MAX_PAGE = 1_000_000;

export interface RecordListRow {
  id: string;
  name: string;
  cells: string[];
}

export interface RecordList {
  columns: string[];
  rows: RecordListRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** `%` and `_` typed in a search box mean themselves, not wildcards. */
function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** One page of a record type, optionally filtered by name. */
export async function listRecords(db: Database, type: RecordType, options: { query?: string; page?: number }): Promise<RecordList> {
  // PostgreSQL text cannot hold U+0000 (no name contains one), and refuses it in a parameter.
  const query = options.query?.replaceAll("\u0000", "").trim().slice(0, 100) ?? "";
  // Beyond the last page the list is simply empty; the cap keeps the offset a valid bigint.
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(options.page ?? 1)));
  const offset = (page - 1) * PAGE_SIZE;
  const pattern = containsPattern(query);
  const paged = <T>(rows: T[], total: number, columns: string[], toRow: (row: T) => RecordListRow): RecordList => ({
    columns,
    rows: rows.map(toRow),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  });
  const totalOf = async (table: typeof contacts | typeof companies | typeof deals | typeof tickets, where: SQL | undefined) => {
    const [row] = await db.select({ n: count() }).from(table).where(where);
    return row?.n ?? 0;
  };

  switch (type) {
    case "contact": {
      const fullName = sql`${contacts.firstName} || ' ' || ${contacts.lastName}`;
      const where = query ? or(ilike(fullName, pattern), ilike(contacts.email, pattern)) : undefined;
      const rows = await db
        .select({ contact: contacts, companyName: companies.name })
        .from(contacts)
        .leftJoin(companies, eq(companies.id, contacts.companyId))
        .where(where)
        .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
        .limit(PAGE_SIZE)
        .offset(offset);
      return paged(rows, await totalOf(contacts, where), ["Email", "Job title", "Company"], ({ contact, companyName }) => ({
        id: contact.id,
        name: `${contact.firstName} ${contact.lastName}`,
        cells: [contact.email ?? "", contact.jobTitle ?? "", companyName ?? ""],
      }));
    }
    case "company": {
      const where = query ? ilike(companies.name, pattern) : undefined;
      const rows = await db.select().from(companies).where(where).orderBy(asc(companies.name), asc(companies.id)).limit(PAGE_SIZE).offset(offset);
      return paged(rows, await totalOf(companies, where), ["Domain", "Industry", "City"], (c) => ({
        id: c.id,
        name: c.name,
        cells: [c.domain ?? "", c.industry ?? "", c.city ?? ""],
      }));
    }
    case "deal": {
      const where = query ? ilike(deals.name, pattern) : undefined;
      const rows = await db
        .select({ deal: deals, companyName: companies.name })
        .from(deals)
        .leftJoin(companies, eq(companies.id, deals.companyId))
        .where(where)
        .orderBy(asc(deals.name), asc(deals.id))
        .limit(PAGE_SIZE)
        .offset(offset);
      return paged(rows, await totalOf(deals, where), ["Stage", "Amount", "Company"], ({ deal, companyName }) => ({
        id: deal.id,
        name: deal.name,
        cells: [deal.stage, deal.amount ? money.format(Number(deal.amount)) : "", companyName ?? ""],
      }));
    }
    case "ticket": {
      const where = query ? ilike(tickets.subject, pattern) : undefined;
      const rows = await db
        .select({ ticket: tickets, firstName: contacts.firstName, lastName: contacts.lastName })
        .from(tickets)
        .leftJoin(contacts, eq(contacts.id, tickets.contactId))
        .where(where)
        .orderBy(asc(tickets.subject), asc(tickets.id))
        .limit(PAGE_SIZE)
        .offset(offset);
      return paged(rows, await totalOf(tickets, where), ["Status", "Priority", "Contact"], ({ ticket, firstName, lastName }) => ({
        id: ticket.id,
        name: ticket.subject,
        cells: [ticket.status, ticket.priority, firstName ? `${firstName} ${lastName}` : ""],
      }));
    }
  }
}
