import { expect, it } from "vitest";
import { availabilityChangeSchema, proposalSchema, rotationDetailSchema, rotationListSchema } from "@/lib/server/api/contract/rotations";
import { api } from "../api-client";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

const NO_SUCH_UUID = "00000000-0000-4000-8000-000000000000";

describeApiContract("rotations", (server) => {
  const emea = () => server().facts.rotationIds.emea;
  const member = (userId: string) => `/api/v1/rotations/${emea()}/members/${userId}`;

  it("lists rotations to reps with the permission and admins, refuses others (R4)", async () => {
    const list = expectBody(await api(server(), "GET", "/api/v1/rotations", { as: "rep" }), 200, rotationListSchema);
    expect(list.rotations.map((r) => r.name)).toEqual(["EMEA inbound demos", "Support escalations"]);
    expect(list.rotations.find((r) => r.name === "Support escalations")?.distribution).toBe("weighted");
    expectBody(await api(server(), "GET", "/api/v1/rotations", { as: "admin" }), 200, rotationListSchema);
    expectError(await api(server(), "GET", "/api/v1/rotations", { as: "repWithoutPermission" }), 403, "forbidden");
    const fields = expectError(await api(server(), "GET", "/api/v1/rotations?page=2", { as: "rep" }), 400, "validation");
    expect(Object.keys(fields)).toEqual(["page"]);
  });

  it("shows members with count, last scheduled, availability and eligibility, in ranking order", async () => {
    const detail = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}`), 200, rotationDetailSchema);
    expect(detail.rotation.name).toBe("EMEA inbound demos");
    expect(detail.members.map((m) => m.position)).toEqual(detail.members.map((_, i) => i + 1));
    const sofia = detail.members.find((m) => m.userId === "usr_sofia");
    expect(sofia).toMatchObject({ eligible: false, ineligibleReasons: ["calendar_sync_off"], status: "not_eligible" });
    const proposable = detail.members.filter((m) => m.status === "proposable");
    expect(detail.proposedUserId).toBe(proposable[0]?.userId);
    expect(detail.members.reduce((sum, m) => sum + m.count, 0)).toBe(6);
    expect(detail.members.find((m) => m.userId === "usr_olivia")?.sources).toEqual(["direct"]);
  });

  it("answers 404 for unknown or malformed rotation ids and 403 before looking for reps without the permission", async () => {
    for (const id of [NO_SUCH_UUID, "not-a-uuid", "1%27%20OR%201%3D1"]) {
      expectError(await api(server(), "GET", `/api/v1/rotations/${id}`), 404, "rotation_not_found");
      expectError(await api(server(), "GET", `/api/v1/rotations/${id}/proposal`), 404, "rotation_not_found");
    }
    expectError(await api(server(), "GET", `/api/v1/rotations/${NO_SUCH_UUID}`, { as: "repWithoutPermission" }), 403, "forbidden");
  });

  it("proposes the first of the ranking, the same member the rotation page shows", async () => {
    const proposal = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}/proposal`), 200, proposalSchema);
    const detail = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}`), 200, rotationDetailSchema);
    expect(proposal.ranking.mode).toBe("even");
    expect(proposal.ranking.proposed?.userId).toBe(detail.proposedUserId);
    expect(proposal.ranking.members.map((m) => m.userId)).toEqual(detail.members.map((m) => m.userId));
    const support = expectBody(await api(server(), "GET", `/api/v1/rotations/${server().facts.rotationIds.support}/proposal`), 200, proposalSchema);
    expect(support.ranking.mode).toBe("weighted");
    expect(support.ranking.proposed?.deficit).toEqual(expect.any(Number));
  });

  it("lets admins switch availability (R5), idempotently, and leaves counts alone", async () => {
    const before = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}`), 200, rotationDetailSchema);
    const off = expectBody(await api(server(), "PATCH", member("usr_lukas"), { as: "admin", body: { available: false } }), 200, availabilityChangeSchema);
    expect(off).toEqual({ rotationId: emea(), userId: "usr_lukas", available: false, changed: true });
    const again = expectBody(await api(server(), "PATCH", member("usr_lukas"), { as: "admin", body: { available: false } }), 200, availabilityChangeSchema);
    expect(again.changed).toBe(false);
    const proposal = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}/proposal`), 200, proposalSchema);
    expect(proposal.ranking.members.find((m) => m.userId === "usr_lukas")?.status).toBe("unavailable");
    expect(proposal.ranking.proposed?.userId).not.toBe("usr_lukas");
    expectBody(await api(server(), "PATCH", member("usr_lukas"), { as: "admin", body: { available: true } }), 200, availabilityChangeSchema);
    const after = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}`), 200, rotationDetailSchema);
    expect(after.members.map((m) => [m.userId, m.count])).toEqual(before.members.map((m) => [m.userId, m.count]));
  });

  it("refuses availability changes from non-admins, for non-members and unknown rotations", async () => {
    expectError(await api(server(), "PATCH", member("usr_lukas"), { as: "rep", body: { available: false } }), 403, "forbidden");
    expectError(await api(server(), "PATCH", member("usr_daniel"), { as: "admin", body: { available: false } }), 422, "not_a_member");
    expectError(await api(server(), "PATCH", `/api/v1/rotations/${NO_SUCH_UUID}/members/usr_lukas`, { as: "admin", body: { available: false } }), 404, "rotation_not_found");
  });

  it("refuses malformed availability bodies with 400 and field errors", async () => {
    const send = (options: Parameters<typeof api>[3]) => api(server(), "PATCH", member("usr_lukas"), { as: "admin", ...options });
    expect(expectError(await send({ body: { available: "no" } }), 400, "validation")).toHaveProperty("available");
    expectError(await send({ body: { available: false, reason: "holiday" } }), 400, "validation");
    expectError(await send({ body: [] }), 400, "validation");
    expectError(await send({ rawBody: '{"available": fal' }), 400, "validation");
    expectError(await send({ rawBody: "" }), 400, "validation");
    expectError(await send({ body: { available: false }, contentType: "text/plain" }), 400, "validation");
    expectError(await send({ body: { available: false }, contentType: null }), 400, "validation");
    expectError(await send({ rawBody: JSON.stringify({ available: false, pad: "x".repeat(70_000) }) }), 400, "validation");
    expectError(await send({ rawBody: '{"available": false, "note": "\\u0000"}' }), 400, "validation");
    const detail = expectBody(await api(server(), "GET", `/api/v1/rotations/${emea()}`), 200, rotationDetailSchema);
    expect(detail.members.find((m) => m.userId === "usr_lukas")?.available).toBe(true);
  });
});
