import { expect, expectNoAxeViolations, test, uniqueName } from "./fixtures";

test.describe("settings: API tokens", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a rep names a token (the name's error goes as they type), copies it by keyboard and finds it listed", async ({ page, signInAs }) => {
    await signInAs("repWithoutPermission");
    await page.goto("/settings/api-tokens");
    const sections = page.getByRole("navigation", { name: "Settings sections" });
    await expect(sections.getByRole("link", { name: "API tokens" })).toHaveAttribute("aria-current", "page");
    await expect(sections.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API token" });
    const name = dialog.getByRole("textbox", { name: "Token name" });
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    const tokenName = uniqueName("Website form");
    await name.fill(tokenName);
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
    await name.press("Enter");

    const token = dialog.getByLabel("Your new token");
    await expect(token).toHaveValue(/^mr_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Copy", exact: true }).press("Enter");
    await expect(dialog.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await token.inputValue());
    await expectNoAxeViolations(page);

    await dialog.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("table", { name: "Your API tokens" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: tokenName }) });
    await expect(row).toContainText("Never");

    // On a phone the columns fold under the name; nothing runs off the side.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(row.getByText(/Created .+ · Last used never/)).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    await expectNoAxeViolations(page);
  });
});
