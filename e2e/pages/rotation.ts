import { expect, type Locator, type Page } from "@playwright/test";
import { RotationPanel } from "./settings";

/** One rotation's settings page: members in ranking order, availability, history (§5). */
export class RotationPage {
  readonly members: Locator;
  readonly nextUp: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.members = page.getByRole("table", { name: "Members, in the order they are proposed" });
    this.nextUp = page.getByRole("region", { name: "Next up" });
    this.history = page.getByRole("region", { name: "History" });
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name });
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

  /** A status message the page announces, e.g. "Rotation saved. …". */
  status(text: string): Locator {
    return this.page.getByRole("status").filter({ hasText: text });
  }

  /** An error the page announces, e.g. a refused availability switch. */
  alert(text: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  /** The confirmation that switching a member off asks for. */
  turnOffConfirmation(memberName?: string): Locator {
    return this.page.getByRole("alertdialog", memberName ? { name: `Turn off availability for ${memberName}?` } : {});
  }

  async turnOff(memberName: string) {
    await this.availability(memberName).click();
    const confirm = this.turnOffConfirmation(memberName);
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

  /** Deletes the rotation after confirming; the app returns to the list. */
  async delete(name: string) {
    await this.page.getByRole("button", { name: "Delete rotation" }).click();
    await this.page.getByRole("alertdialog", { name: `Delete “${name}”?` }).getByRole("button", { name: "Delete rotation" }).click();
  }
}
