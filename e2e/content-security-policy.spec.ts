import { expect, test } from "./fixtures";
import { ScheduleDialog } from "./pages/schedule-dialog";

/*
 * The pages run under a nonce-based Content-Security-Policy. Any script or style the policy
 * blocks shows up as a violation; hydration proves the framework's own scripts ran.
 */
test.describe("content security policy", () => {
  test("signed-in pages hydrate and work with no CSP violation", async ({ page, signInAs }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });

    await signInAs("rep");
    await page.goto("/contacts");
    await page.getByRole("table", { name: "Contacts" }).getByRole("rowheader").first().getByRole("link").click();
    // The dialog opens, and fetches the proposal, only once React has hydrated the page.
    const dialog = new ScheduleDialog(page);
    await dialog.open();
    await dialog.chooseRotation("EMEA inbound demos");

    await page.goto("/settings/api-tokens");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByRole("textbox", { name: "Token name" }).fill("CSP check");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByLabel("Your new token")).toHaveValue(/^mr_[A-Za-z0-9_-]{43}$/);

    expect(violations).toEqual([]);
  });
});
