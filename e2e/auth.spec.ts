import { DEMO_USERS, expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("sign-in", () => {
  test("the demo admin signs in and lands on contacts", async ({ page, loginPage, shell }) => {
    await loginPage.goto();
    await expect(page.getByText("Demo sign-ins")).toBeVisible();
    await expectNoAxeViolations(page);
    await loginPage.signIn(DEMO_USERS.admin.email);
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
    await expect(shell.accountMenu(DEMO_USERS.admin.name)).toBeVisible();
  });

  test("a wrong password is refused with a clear message", async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(DEMO_USERS.admin.email, "not-the-password");
    await expect(loginPage.error).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login$/);
    await expect(loginPage.email).toHaveValue(DEMO_USERS.admin.email);
  });

  test("empty and malformed fields get field errors tied to their inputs", async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.email.fill("not-an-email");
    await loginPage.submit.click();
    await expect(loginPage.email).toHaveAttribute("aria-invalid", "true");
    await expect(loginPage.email).toHaveAccessibleDescription("Enter a valid email address.");
    await expect(loginPage.password).toHaveAccessibleDescription("Enter your password.");
  });

  test("a page opened signed out redirects to the sign-in page, then back after signing in", async ({ page, loginPage }) => {
    await page.goto("/deals");
    await expect(page).toHaveURL(/\/login\?next=%2Fdeals$/);
    await loginPage.signIn(DEMO_USERS.rep.email);
    await expect(page).toHaveURL(/\/deals$/);
  });

  test("signing out ends the session", async ({ page, signInAs, shell }) => {
    await signInAs("rep");
    await shell.signOut(DEMO_USERS.rep.name);
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/contacts");
    await expect(page).toHaveURL(/\/login/);
  });
});
