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

export class RotationsListPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/meetings/rotations");
    await expect(this.page.getByRole("tab", { name: "Meeting rotations", selected: true })).toBeVisible();
  }

  async openCreatePanel(): Promise<RotationPanel> {
    await this.page.getByRole("button", { name: "Create rotation" }).first().click();
    const panel = new RotationPanel(this.page, "Create rotation");
    await expect(panel.dialog).toBeVisible();
    return panel;
  }

  /** Creates a rotation through the panel and lands on its page. */
  async create(name: string, members: string[]): Promise<RotationPage> {
    await this.goto();
    const panel = await this.openCreatePanel();
    await panel.name.fill(name);
    for (const member of members) await panel.pick(member);
    await panel.submit("Create");
    const rotation = new RotationPage(this.page);
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(this.page).toHaveURL(/\/settings\/meetings\/rotations\/[0-9a-f-]{36}$/);
    return rotation;
  }
}

export class RotationPage {
  readonly members: Locator;
  readonly nextUp: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.members = page.getByRole("table", { name: "Members, in the order they are proposed" });
    this.nextUp = page.getByRole("region", { name: "Next up" });
    this.history = page.getByRole("region", { name: "History" });
  }

  row(memberName: string): Locator {
    return this.members.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(memberName) }) });
  }

  availability(memberName: string): Locator {
    return this.page.getByRole("switch", { name: `Availability for ${memberName}` });
  }

  /** Member names in table order, which is the ranking order (R8). */
  async memberNames(): Promise<string[]> {
    const switches = await this.members.getByRole("switch").all();
    const labels = await Promise.all(switches.map((s) => s.getAttribute("aria-label")));
    return labels.map((label) => (label ?? "").replace(/^Availability for /, ""));
  }

  /** "Meetings since reset" per member, by name. */
  async counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const name of await this.memberNames()) {
      counts[name] = Number(await this.row(name).getByRole("cell").nth(1).textContent());
    }
    return counts;
  }

  async turnOff(memberName: string) {
    await this.availability(memberName).click();
    const confirm = this.page.getByRole("alertdialog", { name: `Turn off availability for ${memberName}?` });
    await confirm.getByRole("button", { name: "Turn off availability" }).click();
    await expect(confirm).toBeHidden();
    await expect(this.availability(memberName)).not.toBeChecked();
  }

  async turnOn(memberName: string) {
    await this.availability(memberName).click();
    await expect(this.availability(memberName)).toBeChecked();
  }

  async openEditPanel(): Promise<RotationPanel> {
    await this.page.getByRole("button", { name: "Edit rotation" }).click();
    const panel = new RotationPanel(this.page, "Edit rotation");
    await expect(panel.dialog).toBeVisible();
    return panel;
  }
}

export class TeamsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/teams");
    await expect(this.page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  }

  team(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
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
    await expect(section.getByRole("list", { name: `Members of ${team}` })).toContainText(user);
  }
}

export class UsersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/users");
    await expect(this.page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole("table", { name: "Users" }).getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(name) }) });
  }

  async openEditPanel(name: string): Promise<Locator> {
    await this.page.getByRole("button", { name: `Edit ${name}` }).click();
    const panel = this.page.getByRole("dialog", { name: `Edit ${name}` });
    await expect(panel).toBeVisible();
    return panel;
  }
}
