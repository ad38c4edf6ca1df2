import { afterAll, describe, expect, it } from "vitest";
import { ACCOUNT_ATTEMPTS_PER_WINDOW, ADDRESS_ATTEMPTS_PER_WINDOW } from "@/lib/server/sign-in-limit";
import { signIn } from "@/test/api-client";
import { DEMO, useAppServer } from "@/test/app-server";
import { testDatabaseKinds } from "@/test/db";
import { postSignInForm, signInActionId } from "@/test/login-form";

/*
 * Findings of the security review, checked against the built app over HTTP. The server here
 * runs behind a "trusted proxy" (TRUST_PROXY=1, inherited by the server process), so the test
 * can choose the client address with X-Forwarded-For.
 */
process.env.TRUST_PROXY = "1";
afterAll(() => {
  delete process.env.TRUST_PROXY;
});

const LISTS = ["/contacts", "/companies", "/deals", "/tickets"];

for (const kind of testDatabaseKinds()) {
  describe(`security over HTTP [${kind}]`, () => {
    let cookie = "";
    const server = useAppServer(kind, async (app) => {
      cookie = (await signIn(app)).cookie;
    });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(server().url(path), { headers: { cookie, ...headers }, redirect: "manual" });
    const signInApi = (email: string, password: string, address: string) =>
      fetch(server().url("/api/auth/sign-in/email"), {
        method: "POST",
        headers: { "content-type": "application/json", origin: server().baseUrl(), "x-forwarded-for": address },
        body: JSON.stringify({ email, password }),
      });

    it("pages carry a nonce CSP that every script of the page matches, and the other security headers", async () => {
      const first = await fetch(server().url("/login"));
      const csp = first.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-eval");
      const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      expect(first.headers.get("x-content-type-options")).toBe("nosniff");
      expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(first.headers.get("strict-transport-security")).toBeNull();

      const second = await get("/contacts");
      expect(second.status).toBe(200);
      const secondNonce = /'nonce-([^']+)'/.exec(second.headers.get("content-security-policy") ?? "")?.[1];
      expect(secondNonce).toBeDefined();
      expect(secondNonce).not.toBe(nonce);
    });

    it("API answers and redirects carry them too; HSTS only when served over https", async () => {
      const apiAnswer = await get("/api/v1/rotations");
      expect(apiAnswer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(apiAnswer.headers.get("x-content-type-options")).toBe("nosniff");
      const redirect = await fetch(server().url("/contacts"), { redirect: "manual" });
      expect(redirect.status).toBe(307);
      expect(redirect.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      const overHttps = await get("/login", { "x-forwarded-proto": "https" });
      expect(overHttps.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    });

    it("crafted list searches, pages and paths answer 2xx or 4xx, never 500", async () => {
      for (const list of LISTS) {
        for (const query of ["?q=%00", "?q=a%00b", "?q=%0d%0a", "?page=99999999999999999999", "?q=%25&page=-1"]) {
          expect((await get(`${list}${query}`)).status, `${list}${query}`).toBe(200);
        }
        expect((await get(`${list}/%FF`)).status).toBe(400);
        expect((await get(`${list}/%E0%A4%A`)).status).toBe(400);
      }
      expect((await get("/settings/meetings/rotations/%FF")).status).toBe(400);
    });

    it("action bodies over the limit get 413, deep nesting and objects where ids belong get no 500", async () => {
      const actionId = await signInActionId(server());
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(server().url("/login"), { method: "POST", headers: { origin: server().baseUrl(), "next-action": actionId, "content-type": "text/plain;charset=UTF-8", ...headers }, body });
      expect((await post("x".repeat(5 * 1024 * 1024))).status).toBe(413);
      const deep = (await post(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).status;
      expect(deep, "deeply nested arguments").toBe(400);
      const objects = await post(JSON.stringify([{}, { email: { $ne: null }, password: ["x"], next: { toString: "/x" } }]));
      expect(objects.status, "an object where the form data belongs").toBeLessThan(500);
    });

    it("the sign-in form goes only to same-site paths, whatever `next` holds", async () => {
      const hostile = ["/\t/example.com/c", "/\t\\example.com", "/.//example.com", "/contacts\r\nSet-Cookie: x=1", "//example.com"];
      for (const next of hostile) {
        const answer = await postSignInForm(server(), { email: DEMO.admin.email, password: DEMO.password, next });
        expect(answer.status, JSON.stringify(next)).toBe(303);
        expect(answer.location, JSON.stringify(next)).toBe("/contacts");
      }
      const kept = await postSignInForm(server(), { email: DEMO.admin.email, password: DEMO.password, next: "/deals?page=2" });
      expect(kept.location).toBe("/deals?page=2");
    });

    it("the sign-in form stops an account after too many attempts, with a clear message", async () => {
      const email = "guess-form@acme.test";
      for (let i = 0; i < ACCOUNT_ATTEMPTS_PER_WINDOW; i++) {
        const answer = await postSignInForm(server(), { email, password: `wrong-${i}` }, { "x-forwarded-for": `198.51.100.${i}` });
        expect(answer.html).toContain("Wrong email or password.");
      }
      const refused = await postSignInForm(server(), { email, password: "wrong" }, { "x-forwarded-for": "198.51.100.99" });
      expect(refused.status).toBe(200);
      expect(refused.html).toMatch(/Too many attempts\. Try again in 1[45] minutes\./);
    });

    it("better-auth's sign-in endpoint shares the limit: 429 with Retry-After, per account and per address", async () => {
      for (let i = 0; i < ACCOUNT_ATTEMPTS_PER_WINDOW; i++) expect((await signInApi("guess-api@acme.test", "wrong", `192.0.2.${i}`)).status).toBe(401);
      const refused = await signInApi("guess-api@acme.test", "wrong", "192.0.2.200");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);

      // One address trying many accounts: stopped after the address's limit, even with a right
      // password. Malformed emails count too, and better-auth refuses them without hashing.
      const address = "203.0.113.50";
      for (let i = 0; i < ADDRESS_ATTEMPTS_PER_WINDOW; i++) expect((await signInApi(`spray-${i}`, "rotations-demo", address)).status).toBe(400);
      expect((await signInApi(DEMO.repWithoutPermission.email, DEMO.password, address)).status).toBe(429);
      expect((await signInApi(DEMO.repWithoutPermission.email, DEMO.password, "203.0.113.51")).status).toBe(200);
    }, 60_000);

    it("better-auth endpoints the app does not use are closed: nobody renames themselves", async () => {
      const origin = server().baseUrl();
      const post = (path: string, body: unknown) =>
        fetch(server().url(path), { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: JSON.stringify(body) });
      expect((await post("/api/auth/update-user", { name: "Morgan Admin\r\nATTENDEE:x" })).status).toBe(404);
      expect((await post("/api/auth/update-user", { name: "x".repeat(5_000_000) })).status).toBeGreaterThanOrEqual(400);
      for (const path of ["/api/auth/change-password", "/api/auth/change-email", "/api/auth/delete-user", "/api/auth/revoke-sessions", "/api/auth/sign-up/email", "/api/auth/request-password-reset"]) {
        expect((await post(path, {})).status, path).toBe(404);
      }
      expect((await get("/api/auth/list-sessions")).status).toBe(404);
      const session = await get("/api/auth/get-session");
      expect(session.status).toBe(200);
      expect(((await session.json()) as { user: { name: string } }).user.name).toBe("James Carter");
    });
  });
}
