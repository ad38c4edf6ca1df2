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

test("an open search list fits a phone and can be read to the end: the list scrolls, not its popover", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/settings/out-of-office");
  await page.getByRole("button", { name: "Add out-of-office period" }).click();
  const add = page.getByRole("dialog", { name: "Add out-of-office period" });
  // "e" is in every demo email: more people than the phone's screen has room for.
  await add.getByRole("combobox", { name: "User" }).fill("e");
  await expect(add.getByRole("option", { name: "Wei Chen (Asia/Singapore)" })).toBeAttached();
  const list = add.getByRole("listbox");
  const overflow = await list.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight, popover: element.parentElement?.scrollHeight ?? 0, popoverClient: element.parentElement?.clientHeight ?? 0 }));
  expect(overflow.scroll, "the list is longer than it is shown").toBeGreaterThan(overflow.client);
  expect(overflow.popover, "the popover itself does not scroll").toBeLessThanOrEqual(overflow.popoverClient);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page);
});
