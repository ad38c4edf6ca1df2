import { RecordPage } from "@/components/crm/record-page";
import { schedulingActions } from "@/app/(app)/_scheduling/scheduling-actions";

export default function TicketRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="ticket" params={params} actions={schedulingActions} />;
}
