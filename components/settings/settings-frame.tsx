import type { ReactNode } from "react";
import { canManageRotations } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/session";
import { SettingsNav } from "./settings-nav";

/**
 * The settings pages' two columns: section navigation, then the page itself. It reads the
 * actor (cached for the request) to offer only the sections this person may open.
 */
export async function SettingsFrame({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
      <aside>
        <SettingsNav isAdmin={canManageRotations(actor)} />
      </aside>
      <div className="min-w-0 space-y-6">{children}</div>
    </div>
  );
}

/** A page heading with an optional description and actions on the right. */
export function SettingsHeader({ title, description, actions, eyebrow }: { title: string; description?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        {eyebrow}
        <h1 className="text-2xl font-semibold break-words">{title}</h1>
        {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
