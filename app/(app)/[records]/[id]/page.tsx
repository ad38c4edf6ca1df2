import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { schedulingActions } from "@/app/(app)/_scheduling/scheduling-actions";
import type { SchedulingContext } from "@/components/scheduling/types";
import { canBookWithRotation } from "@/lib/domain/permissions";
import { RECORD_TYPE_INFO, recordTypeFromPath } from "@/lib/domain/records";
import { getDb } from "@/lib/server/db";
import { getRecordDetail, type RecordDetail } from "@/lib/server/queries/record-detail";
import { listRecordMeetings } from "@/lib/server/queries/record-meetings";
import { listRotations } from "@/lib/server/queries/rotations";
import { requirePageActor } from "@/lib/server/session";
import { RecordView } from "./record-view";

interface RecordRoute {
  params: Promise<{ records: string; id: string }>;
}

/** The contacts a meeting from this record invites: the contact itself, or its associated contacts. */
function attendeeCandidates(record: RecordDetail): Array<{ id: string; name: string }> {
  if (record.type === "contact") return [{ id: record.id, name: record.name }];
  return record.associations.filter((group) => group.type === "contact").flatMap((group) => group.records.map(({ id, name }) => ({ id, name })));
}

export async function generateMetadata({ params }: RecordRoute): Promise<Metadata> {
  const type = recordTypeFromPath((await params).records);
  return { title: type ? RECORD_TYPE_INFO[type].singular : "Not found" };
}

/** A contact, company, deal or ticket: properties, associations, meetings and "Schedule meeting" (§4). */
export default async function RecordRoute({ params }: RecordRoute) {
  const actor = await requirePageActor();
  const { records, id } = await params;
  const type = recordTypeFromPath(records);
  if (!type) notFound();
  const db = await getDb();
  const record = await getRecordDetail(db, type, id);
  if (!record) notFound();
  const canUseRotations = canBookWithRotation(actor);
  const [rotations, meetings] = await Promise.all([canUseRotations ? listRotations(db, actor) : undefined, listRecordMeetings(db, type, id)]);
  const scheduling: SchedulingContext = {
    record: { type, id, name: record.name, contacts: attendeeCandidates(record) },
    viewer: { id: actor.id, name: actor.name, timeZone: actor.timeZone },
    canUseRotations,
    rotations: rotations?.ok ? rotations.value.map(({ id: rotationId, name }) => ({ id: rotationId, name })) : [],
  };
  return <RecordView record={record} meetings={meetings} viewer={actor} scheduling={scheduling} actions={schedulingActions} />;
}
