import type { Metadata } from "next";
import Link from "next/link";
import { canManageRotations } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/settings/meetings/rotations", title: "Meeting rotations", text: "Group reps into rotations and switch availability for holidays.", adminOnly: true },
  { href: "/settings/users", title: "Users", text: "Seats, permissions, calendars, time zones and working hours.", adminOnly: true },
  { href: "/settings/teams", title: "Teams", text: "Who belongs to which team; rotations that include a team follow it.", adminOnly: true },
  { href: "/settings/calendar", title: "Calendar", text: "Connect your CalDAV calendar or iCal address, and see how syncing goes.", adminOnly: false },
  { href: "/settings/outbox", title: "Outbox", text: "Invitations and calendar writes: what was sent, what waits and why.", adminOnly: true },
  { href: "/settings/out-of-office", title: "Out of office", text: "Holidays and days away: you are skipped in every rotation meanwhile.", adminOnly: false },
  { href: "/settings/calendar-feed", title: "Calendar feed", text: "Subscribe to your meetings from your calendar app.", adminOnly: false },
  { href: "/settings/api-tokens", title: "API tokens", text: "Personal tokens for integrations using the JSON API.", adminOnly: false },
];

export default async function SettingsPage() {
  const actor = await requirePageActor();
  const isAdmin = canManageRotations(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      {!isAdmin && <p className="text-sm text-slate-600">Rotations, users and teams are managed by admins.</p>}
      <ul className="grid gap-4 sm:grid-cols-3">
        {SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500">
              <h2 className="font-semibold">{s.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{s.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
