"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/domain/result";
import { runAction } from "@/lib/server/action";
import { createCalendarFeedToken, revokeCalendarFeedToken } from "@/lib/server/use-cases/calendar-feed";

export async function createFeedAction(): Promise<Result<{ token: string }>> {
  const result = await runAction(({ actor, db }) => createCalendarFeedToken(db, actor));
  revalidatePath("/settings/calendar-feed");
  return result;
}

export async function revokeFeedAction(): Promise<Result<{ revoked: boolean }>> {
  const result = await runAction(({ actor, db }) => revokeCalendarFeedToken(db, actor));
  revalidatePath("/settings/calendar-feed");
  return result;
}
