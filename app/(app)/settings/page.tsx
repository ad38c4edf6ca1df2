import type { Metadata } from "next";
import Link from "next/link";
import { SETTINGS_SECTIONS } from "@/components/settings/settings-sections";
import { canManageRotations } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor();
  const isAdmin = canManageRotations(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      {!isAdmin && <p className="text-sm text-slate-600">Rotations, users and teams are managed by admins.</p>}
      <ul className="grid gap-4 sm:grid-cols-3">
        {SETTINGS_SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((s) => (
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
