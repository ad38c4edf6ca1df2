import type { Page } from "@playwright/test";

/** What every signed-in page has around it: the account menu and its sign-out button. */
export class AppShell {
  constructor(readonly page: Page) {}

  accountMenu(userName: string) {
    return this.page.getByRole("button", { name: `Account menu for ${userName}` });
  }

  async signOut(userName: string) {
    await this.accountMenu(userName).click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
