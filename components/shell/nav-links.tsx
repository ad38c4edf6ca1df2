"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrentPath } from "@/components/shell/is-current-path";

const LINKS = [
  { href: "/contacts", label: "Contacts" },
  { href: "/companies", label: "Companies" },
  { href: "/deals", label: "Deals" },
  { href: "/tickets", label: "Tickets" },
  { href: "/settings", label: "Settings" },
];

/** The main sections: a row in the header on wide screens, a column in the menu on phones. */
export function NavLinks({ stacked = false, onNavigate }: { stacked?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className={stacked ? "flex flex-col gap-1" : "flex items-center gap-1"}>
      {LINKS.map(({ href, label }) => {
        const current = isCurrentPath(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              onClick={onNavigate}
              className={`${stacked ? "block" : ""} rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-chrome-current text-on-chrome" : "text-on-chrome-muted hover:bg-chrome-hover hover:text-on-chrome"}`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
