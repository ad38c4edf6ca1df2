import { expect, test } from "./fixtures";

test.describe("private calendar feed", () => {
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
});
