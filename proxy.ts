import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * A convenience only: sends visitors without a session cookie to the sign-in page and
 * remembers where they were going. Every page, action and route handler still checks the
 * session itself (a cookie can be present and invalid).
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the sign-in page, the APIs (they answer 401 themselves) and static files.
  matcher: ["/((?!login|api/|_next/|favicon.ico).*)"],
};
