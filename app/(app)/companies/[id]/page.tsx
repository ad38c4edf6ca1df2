import { RecordPage } from "@/components/crm/record-page";

export default function CompanyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="company" params={params} />;
}
