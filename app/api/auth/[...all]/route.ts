import { getAuth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { clearAccountAttempts, clientAddress, recordSignInAttempt, tooManyAttemptsMessage } from "@/lib/server/sign-in-limit";

/*
 * Only the better-auth endpoints the app uses are served; the rest (update-user,
 * change-email, change-password, delete-user, sessions lists…) answer 404. Profiles are
 * managed by admins in settings, with the app's own validation, not by people themselves.
 */
const OPEN_ENDPOINTS: Record<string, ReadonlySet<string>> = {
  GET: new Set(["/api/auth/get-session"]),
  POST: new Set(["/api/auth/sign-in/email", "/api/auth/sign-out"]),
};

function notFound(): Response {
  return Response.json({ error: { code: "not_found", message: "There is nothing here." } }, { status: 404 });
}

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.clone().json();
    const email = typeof body === "object" && body !== null && "email" in body ? body.email : undefined;
    return typeof email === "string" && email.length <= 254 ? email : null;
  } catch {
    return null;
  }
}

/** The same limit as the sign-in page: per account and per client address, in the database. */
async function signInWithLimit(request: Request): Promise<Response> {
  const email = await emailOf(request);
  const auth = await getAuth();
  // Without an email better-auth refuses the body itself, before looking at any password.
  if (email === null) return auth.handler(request);
  const db = await getDb();
  const allowance = await recordSignInAttempt(db, { email, address: clientAddress(request.headers) });
  if (!allowance.allowed) {
    return Response.json(
      { error: { code: "too_many_attempts", message: tooManyAttemptsMessage(allowance.retryAfterSeconds) } },
      { status: 429, headers: { "retry-after": String(allowance.retryAfterSeconds) } },
    );
  }
  const response = await auth.handler(request);
  if (response.ok) await clearAccountAttempts(db, email);
  return response;
}

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!OPEN_ENDPOINTS[request.method]?.has(pathname)) return notFound();
  if (pathname === "/api/auth/sign-in/email") return signInWithLimit(request);
  return (await getAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;
