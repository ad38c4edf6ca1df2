/** Whether a navigation link is the current page or one of its sub-pages. */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
