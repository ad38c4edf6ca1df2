"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FieldErrors } from "@/lib/domain/result";
import { getAuth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { loadActor } from "@/lib/server/actor";
import { clearAccountAttempts, clientAddress, recordSignInAttempt, tooManyAttemptsMessage } from "@/lib/server/sign-in-limit";
import { safeNextPath } from "./next-path";

export interface SignInState {
  message?: string;
  fields?: FieldErrors;
  email?: string;
}

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(254).pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(200),
  // Anything goes here: safeNextPath keeps same-site paths and replaces the rest.
  next: z.unknown().optional(),
});

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // The form always sends FormData; a crafted call can send any JSON value instead.
  if (!(formData instanceof FormData)) return { message: "Enter your email and password." };
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
    return { fields, email };
  }
  const requestHeaders = await headers();
  const db = await getDb();
  const allowance = await recordSignInAttempt(db, { email: parsed.data.email, address: clientAddress(requestHeaders) });
  if (!allowance.allowed) return { message: tooManyAttemptsMessage(allowance.retryAfterSeconds), email };
  const auth = await getAuth();
  let userId: string;
  try {
    const result = await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: requestHeaders });
    userId = result.user.id;
  } catch (error) {
    // better-auth throws one of two APIError classes (its own and better-call's) depending on
    // the path taken; isAPIError knows both.
    if (isAPIError(error)) return { message: "Wrong email or password.", email };
    throw error;
  }
  await clearAccountAttempts(db, parsed.data.email);
  if (!(await loadActor(db, userId))) {
    await auth.api.signOut({ headers: requestHeaders });
    return { message: "This account has been deactivated. Ask an admin.", email };
  }
  redirect(safeNextPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/login");
}
