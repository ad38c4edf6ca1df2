import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → Calendar feed: a private ICS address of one's own meetings. */
export class CalendarFeedPage {
  readonly url: Locator;

  constructor(readonly page: Page) {
    this.url = page.getByRole("textbox", { name: /Your feed URL/ });
  }

  async goto() {
    await this.page.goto("/settings/calendar-feed");
  }

  /** Creates the feed and returns its address as shown. */
  async create(): Promise<string> {
    await this.page.getByRole("button", { name: "Create feed URL" }).click();
    await expect(this.url).toHaveValue(/\/api\/calendar-feed\/feed_[\w-]+\.ics$/);
    return this.url.inputValue();
  }

  async revoke() {
    await this.page.getByRole("button", { name: "Revoke feed URL" }).click();
    await this.page.getByRole("alertdialog", { name: "Revoke the feed URL?" }).getByRole("button", { name: "Revoke feed URL" }).click();
    await expect(this.page.getByRole("status").getByText(/Feed URL revoked/)).toBeVisible();
  }
}
