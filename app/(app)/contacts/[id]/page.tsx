import { RecordPage } from "@/components/crm/record-page";
import { schedulingActions } from "@/app/(app)/_scheduling/scheduling-actions";

export default function ContactRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="contact" params={params} actions={schedulingActions} />;
}
