/** The CRM record types a meeting can be booked from (§4); the schema stores these words. */
export const RECORD_TYPES = ["contact", "company", "deal", "ticket"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** How each CRM record type is named and routed (§4, §5). */
export const RECORD_TYPE_INFO: Record<RecordType, { singular: string; plural: string; path: string }> = {
  contact: { singular: "Contact", plural: "Contacts", path: "/contacts" },
  company: { singular: "Company", plural: "Companies", path: "/companies" },
  deal: { singular: "Deal", plural: "Deals", path: "/deals" },
  ticket: { singular: "Ticket", plural: "Tickets", path: "/tickets" },
};

export function recordHref(type: RecordType, id: string): string {
  return `${RECORD_TYPE_INFO[type].path}/${id}`;
}

/** The record type whose list lives at `/{segment}` ("contacts" → contact), if any. */
export function recordTypeFromPath(segment: string): RecordType | undefined {
  return RECORD_TYPES.find((type) => RECORD_TYPE_INFO[type].path === `/${segment}`);
}
