import { expect, it } from "vitest";
import { userSearchSchema } from "@/lib/server/api/contract/fairness";
import { api } from "../api-client";
import { expectBody, expectError } from "./expect";
import { describeApiContract } from "./suite";

describeApiContract("user options", (server) => {
  it("searches active users by name or email for admins only, with their zone, and refuses bad queries", async () => {
    const all = expectBody(await api(server(), "GET", "/api/v1/user-options", { as: "admin" }), 200, userSearchSchema);
    const names = all.users.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(all.users.length).toBeLessThanOrEqual(20);
    expect(all.users.map((u) => u.id)).toContain("usr_camille");

    const wei = expectBody(await api(server(), "GET", "/api/v1/user-options?q=WEI%40", { as: "admin" }), 200, userSearchSchema);
    expect(wei).toEqual({ users: [{ id: "usr_wei", name: "Wei Chen", email: "wei@acme.test", timeZone: "Asia/Singapore" }], more: false });
    // "Chen" is in Wei's name and nowhere else; an underscore is a character, not a wildcard.
    expect(expectBody(await api(server(), "GET", "/api/v1/user-options?q=chen", { as: "admin" }), 200, userSearchSchema).users.map((u) => u.id)).toEqual(["usr_wei"]);
    expect(expectBody(await api(server(), "GET", "/api/v1/user-options?q=_", { as: "admin" }), 200, userSearchSchema).users).toEqual([]);

    // "Former Rep" has left (inactive): nobody sets a holiday for them.
    expect(expectBody(await api(server(), "GET", "/api/v1/user-options?q=former", { as: "admin" }), 200, userSearchSchema)).toEqual({ users: [], more: false });

    expectError(await api(server(), "GET", "/api/v1/user-options?q=a", { as: "rep" }), 403, "forbidden");
    expectError(await api(server(), "GET", "/api/v1/user-options?q=a", { as: "none" }), 401, "unauthenticated");
    expectError(await api(server(), "GET", `/api/v1/user-options?q=${"x".repeat(101)}`, { as: "admin" }), 400, "validation");
    expectError(await api(server(), "GET", "/api/v1/user-options?q=a&limit=5", { as: "admin" }), 400, "validation");
  });
});
