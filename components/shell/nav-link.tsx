"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Whether a navigation link is the current page or one of its sub-pages. */
function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A link to a section that marks itself while that section (or a page inside it) is open:
 * with `currentClassName` for the eye and aria-current for assistive technology.
 */
export function NavLink({
  href,
  className,
  currentClassName,
  idleClassName,
  onNavigate,
  children,
}: {
  href: string;
  className: string;
  currentClassName: string;
  idleClassName: string;
  onNavigate?: () => void;
  children: ReactNode;
}) {
  const current = isCurrentPath(usePathname(), href);
  return (
    <Link href={href} aria-current={current ? "page" : undefined} onClick={onNavigate} className={`${className} ${current ? currentClassName : idleClassName}`}>
      {children}
    </Link>
  );
}
