"use client";

import { NavLink } from "@/components/shell/nav-link";

const LINKS = [
  { href: "/contacts", label: "Contacts" },
  { href: "/companies", label: "Companies" },
  { href: "/deals", label: "Deals" },
  { href: "/tickets", label: "Tickets" },
  { href: "/settings", label: "Settings" },
];

/** The main sections: a row in the header on wide screens, a column in the menu on phones. */
export function NavLinks({ stacked = false, onNavigate }: { stacked?: boolean; onNavigate?: () => void }) {
  return (
    <ul className={stacked ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {LINKS.map(({ href, label }) => (
        <li key={href}>
          <NavLink
            href={href}
            onNavigate={onNavigate}
            className={`${stacked ? "block" : ""} rounded-md px-3 py-2 text-sm font-medium`}
            currentClassName="bg-chrome-current text-on-chrome"
            idleClassName="text-on-chrome-muted hover:bg-chrome-hover hover:text-on-chrome"
          >
            {label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
