import { DEMO_USERS, expect, expectNoAxeViolations, test } from "./fixtures";

// A 390 × 844 phone: nothing runs off the side, and the sections are one "Menu" away.
test.use({ viewport: { width: 390, height: 844 } });

const PAGES = ["/contacts", "/settings", "/settings/calendar", "/settings/outbox", "/settings/users", "/settings/out-of-office", "/settings/meetings/rotations", "/settings/calendar-feed", "/settings/api-tokens"];

test("every page fits a phone's width", async ({ page, signInAs }) => {
  await signInAs("admin");
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll, `${path} is ${widths.scroll} px wide`).toBeLessThanOrEqual(widths.inner);
  }
  await expectNoAxeViolations(page);
});

// Its own test: with every page above in one, a fresh server on two shared cores ran past the time limit.
test("the main sections open from the Menu button", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/settings/api-tokens");
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(page.getByRole("link", { name: "Deals" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(menu).toBeFocused();
  await menu.press("Enter");
  await page.getByRole("link", { name: "Deals" }).click();
  await expect(page).toHaveURL(/\/deals$/);
  await expect(page.getByRole("link", { name: "Deals" })).toBeHidden();
  await expect(page.getByRole("button", { name: `Account menu for ${DEMO_USERS.admin.name}` })).toBeVisible();
});
