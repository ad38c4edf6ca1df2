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

  async addMember(team: string, user: string) {
    const section = this.team(team);
    await section.getByRole("combobox", { name: `Add a member to ${team}` }).selectOption({ label: user });
    await section.getByRole("button", { name: "Add" }).click();
    await expect(this.membersOf(team)).toContainText(user);
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
