"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrentPath } from "@/components/shell/is-current-path";

const SECTIONS = [
  { href: "/settings/meetings/rotations", label: "Meeting rotations" },
  { href: "/settings/users", label: "Users" },
  { href: "/settings/teams", label: "Teams" },
  { href: "/settings/outbox", label: "Outbox" },
];

/** The admin settings sections; the current one is marked for assistive technology too. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections">
      <Link href="/settings" className="mb-2 block px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase hover:text-slate-800">
        Settings
      </Link>
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {SECTIONS.map(({ href, label }) => {
          const current = isCurrentPath(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
