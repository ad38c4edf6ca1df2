"use client";

import Link from "next/link";
import { NavLink } from "@/components/shell/nav-link";
import { settingsGroups } from "./settings-sections";

/**
 * The settings sections this person may open (admins see the workspace ones too); the current
 * one is marked for assistive technology as well.
 */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  return (
    <nav aria-label="Settings sections" className="space-y-3">
      <Link href="/settings" className="block px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase hover:text-slate-800">
        Settings
      </Link>
      {settingsGroups(isAdmin).map((group, index) => (
        <div key={group.label}>
          {/* A label rather than a heading: the page's h1 comes after the navigation. */}
          {isAdmin && (
            <p id={`settings-group-${index}`} className="px-3 pb-1 text-xs font-medium text-slate-500">
              {group.label}
            </p>
          )}
          <ul className="flex flex-wrap gap-1 md:flex-col" aria-labelledby={isAdmin ? `settings-group-${index}` : undefined}>
            {group.sections.map(({ href, title }) => (
              <li key={href}>
                <NavLink
                  href={href}
                  className="block rounded-md px-3 py-2 text-sm font-medium"
                  currentClassName="bg-brand-50 text-brand-700"
                  idleClassName="text-slate-700 hover:bg-slate-100"
                >
                  {title}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
