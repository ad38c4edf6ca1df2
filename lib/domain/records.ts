import type { RecordType } from "@/db/schema/meetings";

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
