import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("CRM records", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("rep");
  });

  test("the contacts list pages through 40 contacts and searches by name", async ({ page, recordsList }) => {
    await recordsList.goto("Contacts");
    await expect(page.getByText("40 contacts")).toBeVisible();
    await expect(recordsList.table("Contacts").getByRole("row")).toHaveCount(21); // header + a page of 20
    await expectNoAxeViolations(page);

    await recordsList.nextPage();
    await expect(page.getByText("Page 2 of 2")).toBeVisible();

    await recordsList.search("Contacts", "Alice");
    await expect(page).toHaveURL(/q=Alice/);
    const names = await recordsList.names("Contacts").allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain("Alice");

    await recordsList.search("Contacts", "zzz-nobody");
    await expect(page.getByText("No contacts found")).toBeVisible();
  });

  test("a deal's record page shows its properties and its company and contacts", async ({ page, recordsList, recordPage }) => {
    await recordsList.openFirst("Deals");
    await expect(page.getByText("About this deal")).toBeVisible();
    await expect(page.getByText("Stage", { exact: true })).toBeVisible();
    const company = recordPage.association(/Company \(1\)/);
    await expect(company.heading).toBeVisible();
    await expect(recordPage.association(/Contacts \(\d+\)/).heading).toBeVisible();
    await expectNoAxeViolations(page);

    // Associations link through to the associated record.
    const companyLink = company.links.first();
    const companyName = await companyLink.textContent();
    await companyLink.click();
    await expect(recordPage.heading).toHaveText(companyName ?? "");
    await expect(page.getByText("About this company")).toBeVisible();
  });

  test("an unknown record id shows a not-found page, not an error", async ({ page }) => {
    const response = await page.goto("/tickets/not-a-real-id");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
