import { RecordPage } from "@/components/crm/record-page";

export default function ContactRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="contact" params={params} />;
}
