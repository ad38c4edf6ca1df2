import { RecordPage } from "@/components/crm/record-page";

export default function TicketRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="ticket" params={params} />;
}
