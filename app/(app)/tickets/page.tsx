import type { Metadata } from "next";
import { RecordListPage, type ListSearchParams } from "@/components/crm/record-list-page";

export const metadata: Metadata = { title: "Tickets" };

export default function TicketsPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  return <RecordListPage type="ticket" searchParams={searchParams} />;
}
