import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("private calendar feed", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a rep creates a feed URL that serves their meetings without signing in, then revokes it", async ({ signInAs, calendarFeedPage, playwright }) => {
    await signInAs("rep");
    await calendarFeedPage.goto();
    const feedUrl = await calendarFeedPage.create();

    // A calendar app has no session: a fresh client with no cookies.
    const calendarApp = await playwright.request.newContext();
    const feed = await calendarApp.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const body = await feed.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    // James hosts the demo's "Discovery call" from last week.
    expect(body).toContain("SUMMARY:Discovery call");

    await calendarFeedPage.revoke();
    expect((await calendarApp.get(feedUrl)).status()).toBe(404);
    await calendarApp.dispose();
  });

  test("the page sits in the settings sidebar, and the new URL copies with one key press, or says why it cannot", async ({ page, signInAs, calendarFeedPage }) => {
    await signInAs("repWithoutPermission");
    await calendarFeedPage.goto();
    const sections = page.getByRole("navigation", { name: "Settings sections" });
    await expect(sections.getByRole("link", { name: "Calendar feed" })).toHaveAttribute("aria-current", "page");
    await expect(sections.getByRole("link")).toHaveText(["Settings", "Calendar", "Out of office", "Calendar feed", "API tokens"]);
    await expectNoAxeViolations(page);

    const feedUrl = await calendarFeedPage.create();
    await page.getByRole("button", { name: "Copy", exact: true }).press("Enter");
    await expect(page.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Copied to the clipboard." })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
    await expectNoAxeViolations(page);

    // A browser that refuses the clipboard: the page says so and leaves the URL selected.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your browser did not allow copying." })).toBeVisible();
    await expect(calendarFeedPage.url).toBeFocused();
    await expect(calendarFeedPage.url).toHaveAccessibleDescription(/did not allow copying/);
    await expectNoAxeViolations(page);
    await calendarFeedPage.revoke();
  });
});
