import { redirect } from "next/navigation";

/** Meetings settings have one section so far: rotations. */
export default function MeetingsSettingsPage() {
  redirect("/settings/meetings/rotations");
}
