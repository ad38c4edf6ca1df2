import { expect, type Locator, type Page } from "@playwright/test";
import { RotationPage } from "./rotation";
import { RotationPanel } from "./settings";

/** Settings → Meeting rotations: the list, and the panel that creates a rotation (§5). */
export class RotationsListPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/meetings/rotations");
    await expect(this.page.getByRole("tab", { name: "Meeting rotations", selected: true })).toBeVisible();
  }

  /** The link to a rotation's page, by its name. */
  rotation(name: string): Locator {
    return this.page.getByRole("link", { name });
  }

  /** A status message the list announces, e.g. after a rotation was deleted. */
  status(text: string): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  async openCreatePanel(): Promise<RotationPanel> {
    await this.page.getByRole("button", { name: "Create rotation" }).first().click();
    const panel = new RotationPanel(this.page, "Create rotation");
    await expect(panel.dialog).toBeVisible();
    return panel;
  }

  /** Creates a rotation of users and/or teams through the panel and lands on its page. */
  async create(name: string, members: string[]): Promise<RotationPage> {
    await this.goto();
    const panel = await this.openCreatePanel();
    await panel.name.fill(name);
    for (const member of members) await panel.pick(member);
    await panel.submit("Create");
    const rotation = new RotationPage(this.page);
    await expect(rotation.heading(name)).toBeVisible();
    await expect(this.page).toHaveURL(/\/settings\/meetings\/rotations\/[0-9a-f-]{36}$/);
    return rotation;
  }
}
