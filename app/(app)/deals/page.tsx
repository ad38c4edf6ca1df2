import type { Metadata } from "next";
import { RecordListPage, type ListSearchParams } from "@/components/crm/record-list-page";

export const metadata: Metadata = { title: "Deals" };

export default function DealsPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  return <RecordListPage type="deal" searchParams={searchParams} />;
}
