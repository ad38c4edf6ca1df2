import { backgroundLuminance, expectDarkPage, luminanceIn, paintedColor } from "./colour";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// The app follows the system's colour scheme (prefers-color-scheme), with no switch of its own.
test.use({ colorScheme: "dark" });

const SETTINGS_PAGES = [
  "/settings",
  "/settings/users",
  "/settings/teams",
  "/settings/out-of-office",
  "/settings/calendar",
  "/settings/calendar-feed",
  "/settings/api-tokens",
];

test("the sign-in page is dark and readable", async ({ page, loginPage }) => {
  await loginPage.goto();
  await expect(loginPage.submit).toBeVisible();
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
});

test("the records list and a record are dark and readable", async ({ page, signInAs, recordsList }) => {
  await signInAs("admin");
  await recordsList.goto("Contacts");
  await expectDarkPage(page);
  await expectNoAxeViolations(page);

  await recordsList.openFirst("Contacts");
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
});

test("the booking dialog is dark and readable", async ({ page, signInAs, recordsList, scheduleDialog }) => {
  await signInAs("admin");
  await recordsList.openFirst("Contacts");
  await scheduleDialog.open();
  expect(await backgroundLuminance(scheduleDialog.dialog)).toBeLessThan(0.05);
  await expectNoAxeViolations(page);
});

// One test a page: axe takes seconds a page on a shared machine.
for (const path of SETTINGS_PAGES) {
  test(`${path} is dark and readable`, async ({ page, signInAs }) => {
    await signInAs("admin");
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectDarkPage(page);
    await expectNoAxeViolations(page);
  });
}

test("the rotations list and its side panel are dark and readable", async ({ page, signInAs, rotationsList }) => {
  await signInAs("admin");
  await rotationsList.goto();
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
  // A side panel, over the scrim.
  const panel = await rotationsList.openCreatePanel();
  expect(await backgroundLuminance(panel.dialog)).toBeLessThan(0.05);
  await expectNoAxeViolations(page);
});

test("a rotation page is dark and readable", async ({ page, signInAs, rotationsList, rotationPage }) => {
  await signInAs("admin");
  await rotationsList.goto();
  await rotationsList.rotation("EMEA inbound demos").click();
  await expect(rotationPage.heading("EMEA inbound demos")).toBeVisible();
  await expect(rotationPage.members).toBeVisible();
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
});

test("the account menu opens in the page's dark colours", async ({ page, signInAs }) => {
  await signInAs("admin");
  // A short page: axe on a long one, twice, outruns the test timeout on a shared machine.
  await page.goto("/settings/calendar-feed");
  const accountButton = page.getByRole("button", { name: "Account menu for Morgan Lee" });
  await accountButton.click();
  const menu = page.locator(`#${await accountButton.getAttribute("aria-controls")}`);
  await expect(menu).toBeVisible();
  expect(await backgroundLuminance(menu)).toBeLessThan(0.05);
  await expectNoAxeViolations(page);
});

test("the outbox is dark, and a message in it is shown as light mail, as a mail client would", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/settings/outbox");
  // An e-mail: the outbox also lists calendar writes, which have no message to view, and
  // which comes first depends on what the tests before this one booked.
  const message = page.getByRole("list", { name: "Outbox messages" }).getByRole("listitem").filter({ hasText: /^Invitation:/ }).first();
  await expect(message).toBeVisible();
  await expectDarkPage(page);
  // Before the mail opens: axe cannot run inside its frame (sandboxed, so no scripts), and
  // trying left axe waiting on a page it could not create, past the test's timeout, in CI.
  await expectNoAxeViolations(page);
  await message.getByText("View message").click();
  const frame = message.locator("iframe");
  await expect(message.frameLocator("iframe").getByRole("heading", { level: 1 })).toBeVisible();
  // The mail has no colour scheme of its own, so the browser paints it on a light canvas.
  expect(await luminanceIn(page, await paintedColor(frame))).toBeGreaterThan(0.9);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the Menu opens dark and readable", async ({ page, signInAs }) => {
    await signInAs("admin");
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await expect(page.getByRole("link", { name: "Deals" })).toBeVisible();
    await expectDarkPage(page);
    await expectNoAxeViolations(page);
  });
});

test.describe("in the light colour scheme", () => {
  test.use({ colorScheme: "light" });

  test("the page is light and the header bar dark", async ({ page, signInAs }) => {
    await signInAs("admin");
    expect(await backgroundLuminance(page.locator("body"))).toBeGreaterThan(0.9);
    expect(await backgroundLuminance(page.getByRole("banner"))).toBeLessThan(0.05);
  });
});
