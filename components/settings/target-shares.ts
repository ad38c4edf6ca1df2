import type { MemberStatus } from "@/lib/domain/ranking";

interface ShareCandidate {
  userId: string;
  weight: number;
  status: MemberStatus;
}

/**
 * Each proposable member's share of new meetings in a weighted rotation, in whole percent.
 * R8w sums weights over proposable members only: an unavailable or ineligible member's share
 * goes to the others, so they get no entry here.
 */
export function targetShares(members: readonly ShareCandidate[]): Map<string, number> {
  const proposable = members.filter((m) => m.status === "proposable");
  const total = proposable.reduce((sum, m) => sum + m.weight, 0);
  return new Map(proposable.map((m) => [m.userId, total > 0 ? Math.round((m.weight / total) * 100) : 0]));
}
