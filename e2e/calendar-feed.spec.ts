import { expect, test } from "./fixtures";

test.describe("private calendar feed", () => {
  test("a rep creates a feed URL that serves their meetings without signing in, then revokes it", async ({ page, signInAs, playwright }) => {
    await signInAs("rep");
    await page.goto("/settings/calendar-feed");
    await page.getByRole("button", { name: "Create feed URL" }).click();
    const urlField = page.getByRole("textbox", { name: /Your feed URL/ });
    await expect(urlField).toHaveValue(/\/api\/calendar-feed\/feed_[\w-]+\.ics$/);
    const feedUrl = await urlField.inputValue();

    // A calendar app has no session: a fresh client with no cookies.
    const calendarApp = await playwright.request.newContext();
    const feed = await calendarApp.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const body = await feed.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    // James hosts the demo's "Discovery call" from last week.
    expect(body).toContain("SUMMARY:Discovery call");

    await page.getByRole("button", { name: "Revoke feed URL" }).click();
    await page.getByRole("alertdialog", { name: "Revoke the feed URL?" }).getByRole("button", { name: "Revoke feed URL" }).click();
    await expect(page.getByRole("status").getByText(/Feed URL revoked/)).toBeVisible();
    expect((await calendarApp.get(feedUrl)).status()).toBe(404);
    await calendarApp.dispose();
  });
});
