import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → Teams: one region per team, with its members and the rotations that include it. */
export class TeamsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/teams");
    await expect(this.page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  }

  team(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  membersOf(team: string): Locator {
    return this.team(team).getByRole("list", { name: `Members of ${team}` });
  }

  /** The link from a team to a rotation that includes it. */
  rotationLink(team: string, rotation: string): Locator {
    return this.team(team).getByRole("link", { name: rotation });
  }

  /** A status message the page announces, e.g. "… joined …. Counts reset in 1 rotation." */
  status(text: string): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  async create(name: string) {
    await this.page.getByRole("button", { name: "Create team" }).click();
    const panel = this.page.getByRole("dialog", { name: "Create team" });
    await panel.getByRole("textbox", { name: "Team name" }).fill(name);
    await panel.getByRole("button", { name: "Create" }).click();
    await expect(panel).toBeHidden();
    await expect(this.team(name)).toBeVisible();
  }

  /** The select of users to add; an option may say why the user is not eligible. */
  addSelect(team: string): Locator {
    return this.team(team).getByRole("combobox", { name: `Add a member to ${team}` });
  }

  addButton(team: string): Locator {
    return this.team(team).getByRole("button", { name: "Add", exact: true });
  }

  /** Chooses a user by the start of their option, which may go on "(not eligible: …)". */
  async chooseToAdd(team: string, user: string) {
    const value = await this.addSelect(team).locator("option").filter({ hasText: new RegExp(`^${user}\\b`) }).getAttribute("value");
    await this.addSelect(team).selectOption(value ?? "");
  }

  /** The confirmation an add asks for when it resets counts in a rotation (R7). */
  resetConfirmation(team: string, user: string): Locator {
    return this.page.getByRole("alertdialog", { name: `Add ${user} to ${team}?` });
  }

  /** Adds a user where that resets no count: no confirmation. */
  async addMember(team: string, user: string) {
    await this.chooseToAdd(team, user);
    await this.addButton(team).click();
    await expect(this.membersOf(team)).toContainText(user);
  }

  /** Adds a user where that resets counts: confirms, and returns the confirmation's text. */
  async addMemberConfirmingReset(team: string, user: string): Promise<string> {
    await this.chooseToAdd(team, user);
    await this.addButton(team).click();
    const confirmation = this.resetConfirmation(team, user);
    await expect(confirmation).toBeVisible();
    const text = (await confirmation.textContent()) ?? "";
    await confirmation.getByRole("button", { name: "Add and reset counts" }).click();
    await expect(confirmation).toBeHidden();
    await expect(this.membersOf(team)).toContainText(user);
    return text;
  }

  async removeMember(team: string, user: string) {
    await this.team(team).getByRole("button", { name: `Remove ${user} from ${team}` }).click();
  }

  /** Opens the rename dialog and returns it with its one field. */
  async openRename(team: string): Promise<{ dialog: Locator; name: Locator; save: Locator }> {
    await this.team(team).getByRole("button", { name: `Rename ${team}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Rename ${team}` });
    return { dialog, name: dialog.getByRole("textbox", { name: "Team name" }), save: dialog.getByRole("button", { name: "Save" }) };
  }

  async delete(team: string) {
    await this.team(team).getByRole("button", { name: `Delete ${team}` }).click();
    await this.page.getByRole("alertdialog", { name: `Delete the team ${team}?` }).getByRole("button", { name: "Delete team" }).click();
  }
}
