import type { Metadata } from "next";
import { RecordListPage, type ListSearchParams } from "@/components/crm/record-list-page";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  return <RecordListPage type="contact" searchParams={searchParams} />;
}
