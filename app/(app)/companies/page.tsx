import type { Metadata } from "next";
import { RecordListPage, type ListSearchParams } from "@/components/crm/record-list-page";

export const metadata: Metadata = { title: "Companies" };

export default function CompaniesPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  return <RecordListPage type="company" searchParams={searchParams} />;
}
