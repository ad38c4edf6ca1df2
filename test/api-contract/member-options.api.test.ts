import { expect, it } from "vitest";
import { memberSearchSchema } from "@/lib/server/api/contract/members";
import { api } from "../api-client";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

describeApiContract("member options", (server) => {
  it("searches teams and users for admins only, at most 20, and refuses bad queries", async () => {
    const all = expectBody(await api(server(), "GET", "/api/v1/member-options", { as: "admin" }), 200, memberSearchSchema);
    expect(all.teams.map((t) => t.name)).toEqual(["Sales Americas", "Sales EMEA", "Support APAC"]);
    // The demo's 12 and the suite's own: everyone fits in one answer.
    expect(all.users.map((u) => u.id)).toContain("usr_camille");
    expect(all.teams.length + all.users.length).toBeLessThanOrEqual(20);
    expect(all.more).toBe(false);
    const sofia = expectBody(await api(server(), "GET", "/api/v1/member-options?q=SOFIA%40", { as: "admin" }), 200, memberSearchSchema);
    expect(sofia).toEqual({ teams: [], users: [{ id: "usr_sofia", name: "Sofia Rossi", email: "sofia@acme.test", ineligibleText: "Calendar sync off" }], teamMembers: [], more: false });
    const emea = expectBody(await api(server(), "GET", "/api/v1/member-options?q=emea", { as: "admin" }), 200, memberSearchSchema);
    expect(emea.teams[0]?.memberIds.length).toBe(emea.teamMembers.length);

    expectError(await api(server(), "GET", "/api/v1/member-options?q=a", { as: "rep" }), 403, "forbidden");
    expectError(await api(server(), "GET", "/api/v1/member-options?q=a", { as: "none" }), 401, "unauthenticated");
    expectError(await api(server(), "GET", `/api/v1/member-options?q=${"x".repeat(101)}`, { as: "admin" }), 400, "validation");
    expectError(await api(server(), "GET", "/api/v1/member-options?q=a&limit=5", { as: "admin" }), 400, "validation");
  });
});
