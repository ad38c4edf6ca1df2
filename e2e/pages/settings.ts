import { expect, type Locator, type Page } from "@playwright/test";

/** A name no other test (or earlier run against the same server) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** The rotation side panel (Create rotation / Edit rotation), by its accessible names (§5). */
export class RotationPanel {
  readonly dialog: Locator;
  readonly name: Locator;
  readonly members: Locator;
  readonly chosen: Locator;

  constructor(readonly page: Page, title: "Create rotation" | "Edit rotation") {
    this.dialog = page.getByRole("dialog", { name: title });
    this.name = this.dialog.getByRole("textbox", { name: "Rotation name" });
    this.members = this.dialog.getByRole("combobox", { name: "Rotation members" });
    this.chosen = this.dialog.getByRole("list", { name: "Chosen rotation members" });
  }

  option(name: string): Locator {
    return this.dialog.getByRole("option", { name: new RegExp(`^${name}\\b`) });
  }

  /** Picks a user or team by typing part of its name and clicking its option. */
  async pick(name: string) {
    await this.members.fill(name);
    await this.option(name).click();
    await expect(this.option(name)).toHaveAttribute("aria-selected", "true");
  }

  /** The same with the keyboard only: type, arrow to the option, Enter. */
  async pickWithKeyboard(name: string) {
    await this.members.fill(name);
    await expect(this.option(name)).toBeVisible();
    // ArrowDown makes the first pickable match active; Enter toggles it.
    await this.members.press("ArrowDown");
    await this.members.press("Enter");
    await expect(this.option(name)).toHaveAttribute("aria-selected", "true");
  }

  async submit(label: "Create" | "Save") {
    await this.dialog.getByRole("button", { name: label }).click();
  }
}
