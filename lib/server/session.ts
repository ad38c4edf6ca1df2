import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadActor, type Actor } from "./actor";
import { getAuth } from "./auth";
import { getDb } from "./db";

/**
 * The signed-in actor for this request, or null. Rights are read fresh from the users
 * table on every request, so a revoked permission or a deactivation takes effect at once.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return loadActor(await getDb(), session.user.id);
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
