"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FieldErrors } from "@/lib/domain/result";
import { getAuth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { loadActor } from "@/lib/server/actor";

export interface SignInState {
  message?: string;
  fields?: FieldErrors;
  email?: string;
}

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(254).pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(200),
  next: z.string().max(500).optional(),
});

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNextPath(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/contacts";
}

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
    return { fields, email };
  }
  const auth = await getAuth();
  let userId: string;
  try {
    const result = await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
    userId = result.user.id;
  } catch (error) {
    if (error instanceof APIError) return { message: "Wrong email or password.", email };
    throw error;
  }
  if (!(await loadActor(await getDb(), userId))) {
    await auth.api.signOut({ headers: await headers() });
    return { message: "This account has been deactivated. Ask an admin.", email };
  }
  redirect(safeNextPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/login");
}
