import { RecordPage } from "@/components/crm/record-page";

export default function DealRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="deal" params={params} />;
}
