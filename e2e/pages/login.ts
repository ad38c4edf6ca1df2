import type { Page } from "@playwright/test";

export const DEMO_PASSWORD = "rotations-demo";

/** The sign-in page, by its accessible names (§5). */
export class LoginPage {
  readonly email;
  readonly password;
  readonly submit;
  /** The form-level error (wrong email or password), not the field errors. */
  readonly error;

  constructor(readonly page: Page) {
    this.email = page.getByRole("textbox", { name: "Email" });
    this.password = page.getByRole("textbox", { name: "Password" });
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = page.getByRole("main").getByRole("alert");
  }

  async goto(path = "/login") {
    await this.page.goto(path);
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
