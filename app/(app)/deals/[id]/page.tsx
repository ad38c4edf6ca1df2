import { RecordPage } from "@/components/crm/record-page";
import { schedulingActions } from "@/app/(app)/_scheduling/scheduling-actions";

export default function DealRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="deal" params={params} actions={schedulingActions} />;
}
