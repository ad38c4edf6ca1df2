import { index, numeric, pgTable, primaryKey, text, timestamp, uuid, date } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    domain: text("domain"),
    industry: text("industry"),
    city: text("city"),
    createdAt: createdAt(),
  },
  (t) => [index("companies_name_idx").on(t.name)],
);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    jobTitle: text("job_title"),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("contacts_last_name_idx").on(t.lastName, t.firstName), index("contacts_company_id_idx").on(t.companyId)],
);

export const deals = pgTable(
  "deals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    stage: text("stage").notNull(),
    amount: numeric("amount", { precision: 12, scale: 2 }),
    closeDate: date("close_date"),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("deals_name_idx").on(t.name), index("deals_company_id_idx").on(t.companyId)],
);

export const dealContacts = pgTable(
  "deal_contacts",
  {
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.contactId] }), index("deal_contacts_contact_id_idx").on(t.contactId)],
);

export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subject: text("subject").notNull(),
    status: text("status").notNull(),
    priority: text("priority").notNull(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("tickets_subject_idx").on(t.subject), index("tickets_contact_id_idx").on(t.contactId)],
);

export type Company = typeof companies.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Deal = typeof deals.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;
