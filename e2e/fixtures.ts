import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "rotations-demo";
export const DEMO_USERS = {
  admin: { email: "morgan@acme.test", name: "Morgan Lee" },
  rep: { email: "james@acme.test", name: "James Carter" },
  repWithoutPermission: { email: "daniel@acme.test", name: "Daniel Kim" },
} as const;

/** The sign-in page, by its accessible names (§5). */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(path = "/login") {
    await this.page.goto(path);
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByRole("textbox", { name: "Email" }).fill(email);
    await this.page.getByRole("textbox", { name: "Password" }).fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export const test = base.extend<{ loginPage: LoginPage; signInAs: (who: keyof typeof DEMO_USERS) => Promise<void> }>({
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  signInAs: async ({ page, loginPage }, provide) => {
    await provide(async (who) => {
      await loginPage.goto();
      await loginPage.signIn(DEMO_USERS[who].email);
      await expect(page.getByRole("button", { name: `Account menu for ${DEMO_USERS[who].name}` })).toBeVisible();
    });
  },
});

export { expect };
