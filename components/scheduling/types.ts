import type { RecordType } from "@/lib/domain/records";

/** What the record page hands the booking dialog: plain data, no server modules. */
export interface SchedulingContext {
  record: { type: RecordType; id: string; name: string; contacts: Array<{ id: string; name: string }> };
  viewer: { id: string; name: string; timeZone: string };
  /** Seat + "Create scheduling pages for others" (R4): only then the rotation tab exists. */
  canUseRotations: boolean;
  rotations: Array<{ id: string; name: string }>;
}
