import { getAuth } from "@/lib/server/auth";

// better-auth's own endpoints (session, sign-out, …); it checks origins and sessions itself.
export async function GET(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export async function POST(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}
