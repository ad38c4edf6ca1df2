import "server-only";
import { z } from "zod";
import type { MemberSearch } from "@/lib/server/queries/member-options";

const memberOptionSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  ineligibleText: z.string().describe("Empty when the user can be a member; otherwise why not (R3)."),
});

export const memberSearchSchema = z.strictObject({
  teams: z.array(z.strictObject({ id: z.guid(), name: z.string(), memberIds: z.array(z.string()) })),
  users: z.array(memberOptionSchema),
  teamMembers: z.array(memberOptionSchema).describe("The members of the teams returned."),
  more: z.boolean().describe("More matched than were returned; a longer search narrows them down."),
});

export function presentMemberSearch(search: MemberSearch): z.input<typeof memberSearchSchema> {
  return search;
}
