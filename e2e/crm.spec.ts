import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("CRM records", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("rep");
  });

  test("the contacts list pages through 40 contacts and searches by name", async ({ page }) => {
    await page.goto("/contacts");
    await expect(page.getByText("40 contacts")).toBeVisible();
    const rows = page.getByRole("table", { name: "Contacts" }).getByRole("row");
    await expect(rows).toHaveCount(21); // header + a page of 20
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByText("Page 2 of 2")).toBeVisible();

    await page.getByRole("searchbox", { name: "Search contacts" }).fill("Alice");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=Alice/);
    const names = await page.getByRole("table", { name: "Contacts" }).getByRole("rowheader").allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain("Alice");

    await page.getByRole("searchbox", { name: "Search contacts" }).fill("zzz-nobody");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No contacts found")).toBeVisible();
  });

  test("a deal's record page shows its properties and its company and contacts", async ({ page }) => {
    await page.goto("/deals");
    await page.getByRole("table", { name: "Deals" }).getByRole("rowheader").first().getByRole("link").click();
    await expect(page.getByText("About this deal")).toBeVisible();
    await expect(page.getByText("Stage", { exact: true })).toBeVisible();
    const associations = page.getByRole("region", { name: "Associations" });
    await expect(associations.getByRole("heading", { name: /Company \(1\)/ })).toBeVisible();
    await expect(associations.getByRole("heading", { name: /Contacts \(\d+\)/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Associations link through to the associated record.
    const company = associations.getByRole("heading", { name: /Company/ }).locator("xpath=..").getByRole("link").first();
    const companyName = await company.textContent();
    await company.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(companyName ?? "");
    await expect(page.getByText("About this company")).toBeVisible();
  });

  test("an unknown record id shows a not-found page, not an error", async ({ page }) => {
    const response = await page.goto("/tickets/not-a-real-id");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
