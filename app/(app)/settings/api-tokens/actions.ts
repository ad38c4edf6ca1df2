"use server";

import { asFormData } from "@/lib/forms/action-state";

import { revalidatePath } from "next/cache";
import type { FieldErrors } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { createApiToken } from "@/lib/server/use-cases/create-api-token";
import { revokeApiToken } from "@/lib/server/use-cases/revoke-api-token";

export interface CreateTokenState {
  /** The new token, in this one response only: the server keeps just its hash. */
  created?: { name: string; token: string };
  message?: string;
  fields?: FieldErrors;
  name?: string;
}

export async function createTokenAction(_previous: CreateTokenState, sent: unknown): Promise<CreateTokenState> {
  const formData = asFormData(sent);
  const name = formData.get("name");
  const result = await runAction(({ actor, db }) => createApiToken(db, actor, { name }));
  if (!result.ok) return { message: result.error.message, fields: result.error.fields, name: typeof name === "string" ? name : "" };
  revalidatePath("/settings/api-tokens");
  return { created: { name: result.value.name, token: result.value.token } };
}

export interface RevokeTokenState {
  ok: boolean;
  message: string;
}

export async function revokeTokenAction(tokenId: string): Promise<RevokeTokenState> {
  const result = await runAction(({ actor, db }) => revokeApiToken(db, actor, String(tokenId)));
  if (!result.ok) return { ok: false, message: result.error.message };
  revalidatePath("/settings/api-tokens");
  return { ok: true, message: "Token revoked. Requests that use it are refused from now on." };
}
