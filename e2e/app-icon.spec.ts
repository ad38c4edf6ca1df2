import { expect, test } from "./fixtures";

test("the app icon is linked from every page and served to signed-out visitors too", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/login");
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(icons.some((href) => href.startsWith("/icon.svg"))).toBe(true);
  // Browsers ask for /favicon.ico on their own (bookmarks, tabs of non-HTML answers such as a feed).
  for (const [path, type] of [
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /^image\/svg\+xml/],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  expect(missing).toEqual([]);
});
