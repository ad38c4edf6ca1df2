import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RECORD_TYPE_INFO, recordTypeFromPath } from "@/lib/domain/records";
import { getDb } from "@/lib/server/db";
import { listRecords } from "@/lib/server/queries/record-list";
import { requirePageActor } from "@/lib/server/session";
import { RecordTable, type ListSearchParams } from "./record-table";

interface ListRoute {
  params: Promise<{ records: string }>;
  searchParams: Promise<ListSearchParams>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: ListRoute): Promise<Metadata> {
  const type = recordTypeFromPath((await params).records);
  return { title: type ? RECORD_TYPE_INFO[type].plural : "Not found" };
}

/** /contacts, /companies, /deals and /tickets: search by name, pages of 20 (§4). */
export default async function RecordListRoute({ params, searchParams }: ListRoute) {
  await requirePageActor();
  const type = recordTypeFromPath((await params).records);
  if (!type) notFound();
  const search = await searchParams;
  // A search box holds one line; control characters (a NUL above all) only come from crafted URLs.
  const query = first(search.q)?.replace(/\p{Cc}/gu, "").slice(0, 100) ?? "";
  const requestedPage = Number.parseInt(first(search.page) ?? "1", 10);
  const list = await listRecords(await getDb(), type, { query, page: Number.isFinite(requestedPage) ? requestedPage : 1 });
  return <RecordTable type={type} query={query} list={list} />;
}
