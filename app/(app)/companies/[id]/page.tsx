import { RecordPage } from "@/components/crm/record-page";
import { schedulingActions } from "@/app/(app)/_scheduling/scheduling-actions";

export default function CompanyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  return <RecordPage type="company" params={params} actions={schedulingActions} />;
}
