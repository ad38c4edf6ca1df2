import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/** A path Next.js cannot decode (`/api/v1/meetings/%FF`) would end in its own bare 500. */
function isWellEncoded(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Two conveniences, neither of them the security boundary:
 * - APIs: a malformed URL gets the API's JSON 400 instead of a framework error page; the
 *   route handlers authenticate every request themselves.
 * - Pages: visitors without a session cookie go to the sign-in page, which remembers where
 *   they were going. Every page and action still checks the session (a cookie can be stale).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    if (isWellEncoded(pathname)) return NextResponse.next();
    return NextResponse.json({ error: { code: "validation", message: "The URL is not correctly percent-encoded." } }, { status: 400 });
  }
  if (getSessionCookie(request)) return NextResponse.next();
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the sign-in page and static files.
  matcher: ["/((?!login|_next/|favicon.ico).*)"],
};
