import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → Users: one row per person, an edit panel, deactivation. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async goto(url = "/settings/users") {
    await this.page.goto(url);
    await expect(this.page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  }

  /** The GET search form's box: Enter submits it. */
  get search(): Locator {
    return this.page.getByRole("searchbox", { name: "Search users" });
  }

  /** "Showing 51–100 of 2,012" with Previous and Next. */
  get pager(): Locator {
    return this.page.getByRole("navigation", { name: "Users pages" });
  }

  /** The user names in the table, in order. */
  names(): Promise<string[]> {
    return this.page.getByRole("table", { name: "Users" }).getByRole("rowheader").locator("span.font-medium.text-slate-900").allInnerTexts();
  }

  row(name: string): Locator {
    return this.page.getByRole("table", { name: "Users" }).getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(name) }) });
  }

  deactivateButton(name: string): Locator {
    return this.row(name).getByRole("button", { name: `Deactivate ${name}` });
  }

  async deactivate(name: string) {
    await this.deactivateButton(name).click();
    await this.page.getByRole("alertdialog", { name: `Deactivate ${name}?` }).getByRole("button", { name: "Deactivate" }).click();
  }

  async reactivate(name: string) {
    await this.row(name).getByRole("button", { name: `Reactivate ${name}` }).click();
  }

  async openEditPanel(name: string): Promise<UserPanel> {
    await this.page.getByRole("button", { name: `Edit ${name}` }).click();
    const panel = new UserPanel(this.page.getByRole("dialog", { name: `Edit ${name}` }));
    await expect(panel.dialog).toBeVisible();
    return panel;
  }
}

/** The "Edit {name}" panel: calendar, time zone and working hours. */
export class UserPanel {
  readonly timeZone: Locator;
  readonly calendarConnected: Locator;
  readonly start: Locator;
  readonly end: Locator;

  constructor(readonly dialog: Locator) {
    this.timeZone = dialog.getByRole("combobox", { name: "Time zone" });
    this.calendarConnected = dialog.getByRole("checkbox", { name: "Calendar connected" });
    this.start = dialog.getByRole("textbox", { name: "Start time" });
    this.end = dialog.getByRole("textbox", { name: "End time" });
  }

  weekday(short: "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun"): Locator {
    return this.dialog.getByRole("checkbox", { name: short });
  }

  async save() {
    await this.dialog.getByRole("button", { name: "Save" }).click();
  }
}
