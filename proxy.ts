import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { MAX_ACTION_BODY_BYTES, MAX_ACTION_BODY_NESTING, bracketNesting } from "@/lib/http/request-limits";
import {
  API_CONTENT_SECURITY_POLICY,
  STATIC_SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  newNonce,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";

/** A path Next.js cannot decode (`/api/v1/meetings/%FF`) would end in its own bare 500. */
function isWellEncoded(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function isHttps(request: NextRequest): boolean {
  // Behind a TLS-terminating proxy the request reaches the app as http with this header. A
  // client forging it over http gains nothing: browsers ignore HSTS on http responses.
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function forApi(request: NextRequest): NextResponse {
  const response = isWellEncoded(request.nextUrl.pathname)
    ? NextResponse.next()
    : NextResponse.json({ error: { code: "validation", message: "The URL is not correctly percent-encoded." } }, { status: 400 });
  return withSecurityHeaders(request, response, API_CONTENT_SECURITY_POLICY);
}

function plainAnswer(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Page POSTs are server actions. Browsers send their length; a body without one, or over the
 * limit, is refused here: Next.js would read it and then answer 500.
 */
async function refusedActionBody(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST") return null;
  const length = request.headers.get("content-length");
  if (length === null) return plainAnswer(411, "Send the body with a Content-Length.");
  if (!/^\d+$/.test(length) || Number(length) > MAX_ACTION_BODY_BYTES) return plainAnswer(413, "The request body is too large.");
  // The proxy reads a copy of the body (Next.js buffers it for the proxy); the action still gets it.
  if (bracketNesting(await request.clone().text()) > MAX_ACTION_BODY_NESTING) return plainAnswer(400, "The request body is nested too deeply.");
  return null;
}

async function forPage(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const csp = pageContentSecurityPolicy(newNonce(), { development: env().NODE_ENV === "development" });
  if (!isWellEncoded(pathname)) return withSecurityHeaders(request, plainAnswer(400, "The URL is not correctly percent-encoded."), csp);
  const refusedBody = await refusedActionBody(request);
  if (refusedBody) return withSecurityHeaders(request, refusedBody, csp);
  if (pathname !== "/login" && !getSessionCookie(request)) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return withSecurityHeaders(request, NextResponse.redirect(login), csp);
  }
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

/**
 * Security headers on every page and API answer, and two conveniences that are not the
 * security boundary:
 * - a malformed URL gets a 400 (JSON for APIs) instead of a framework 500;
 * - visitors without a session cookie go to the sign-in page, which remembers where they
 *   were going. Every page, action and route handler still checks the session itself.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  return request.nextUrl.pathname.startsWith("/api/") ? forApi(request) : forPage(request);
}

export const config = {
  // Everything but build assets and the app icons (needed on the sign-in page too), which
  // carry the static headers from next.config.ts.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
