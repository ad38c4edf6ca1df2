import { expect, type Locator, type Page } from "@playwright/test";

/** The "Schedule meeting" dialog of a record page, by its accessible names (§5). */
export class ScheduleDialog {
  readonly dialog: Locator;
  readonly rotationSelect: Locator;
  readonly hostSelect: Locator;
  readonly calendar: Locator;
  readonly bookButton: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole("dialog", { name: "Schedule meeting" });
    this.rotationSelect = this.dialog.getByRole("combobox", { name: "Meeting rotation", exact: true });
    this.hostSelect = this.dialog.getByRole("combobox", { name: "Meeting rotation user" });
    this.calendar = this.dialog.getByRole("region", { name: "Host calendar" });
    this.bookButton = this.dialog.getByRole("button", { name: "Book meeting" });
  }

  /** The rotation's ranking as the dialog lists it (R20), one item per member in order. */
  ranking(rotation: string): Locator {
    return this.dialog.getByRole("list", { name: `Ranking in ${rotation}` }).getByRole("listitem");
  }

  /** The footer that stays in view: what will be booked, and the Book button. */
  summary(): Locator {
    return this.bookButton.locator("xpath=..");
  }

  /** The start (ISO) of the slot picked now. */
  async pickedSlotStart(): Promise<string> {
    return (await this.calendar.getByRole("button", { pressed: true }).getAttribute("data-slot")) ?? "";
  }

  /** Picks the slot starting at `start` (ISO), moving a week on while it is not shown (at most 4 weeks). */
  async pickSlotAt(start: string) {
    await expect(this.calendar.getByText(/works/)).toBeVisible();
    const slot = this.calendar.locator(`[data-slot="${start}"]`);
    for (let week = 0; week < 4 && (await slot.count()) === 0; week++) {
      await this.calendar.getByRole("button", { name: "Next week →" }).click();
      await expect(this.calendar.getByText("Loading calendar…")).toBeHidden();
    }
    await slot.click();
    await expect(slot).toHaveAttribute("aria-pressed", "true");
  }

  async open() {
    await this.page.getByRole("button", { name: "Schedule meeting" }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Opens the dialog with the keyboard: focus the button, Enter. */
  async openWithKeyboard() {
    await this.page.getByRole("button", { name: "Schedule meeting" }).focus();
    await this.page.keyboard.press("Enter");
    await expect(this.dialog).toBeVisible();
  }

  async close() {
    await this.page.keyboard.press("Escape");
    await expect(this.dialog).toBeHidden();
  }

  async chooseRotation(name: string) {
    await this.dialog.getByRole("tab", { name: "Meeting rotation" }).click();
    await this.rotationSelect.selectOption({ label: name });
    await expect(this.hostSelect).toBeEnabled();
  }

  /**
   * Chooses a rotation with the arrow keys only, as a keyboard user walks a native select:
   * each ArrowDown selects the next option, until the one named is selected.
   */
  async chooseRotationWithKeyboard(name: string) {
    // The rotation tab is the one a rep with the permission sees first.
    await this.rotationSelect.focus();
    const options = await this.rotationSelect.locator("option").count();
    for (let step = 0; step < options && (await this.rotationSelect.locator("option:checked").textContent()) !== name; step++) {
      await this.page.keyboard.press("ArrowDown");
    }
    await expect(this.rotationSelect.locator("option:checked")).toHaveText(name);
    await expect(this.hostSelect).toBeEnabled();
  }

  /** The host option selected now: the proposal until the rep overrides it. */
  selectedHost(): Locator {
    return this.hostSelect.locator("option:checked");
  }

  /** The label of the selected host option, e.g. "Lukas Schmidt (proposed) — 1 meeting, …". */
  async selectedHostLabel(): Promise<string> {
    return (await this.hostSelect.locator("option:checked").textContent()) ?? "";
  }

  /** A member's count, read from their option label. */
  async countOf(name: string): Promise<number> {
    return countIn((await this.hostOption(name).textContent()) ?? "");
  }

  /** The option label for a member, for reading their count. */
  hostOption(name: string): Locator {
    return this.hostSelect.locator("option", { hasText: name });
  }

  async chooseHost(name: string) {
    const label = await this.hostOption(name).textContent();
    await this.hostSelect.selectOption({ label: label ?? name });
  }

  freeSlots(): Locator {
    return this.calendar.getByRole("button", { pressed: false }).filter({ hasNotText: /week/ });
  }

  /**
   * Picks the first free slot (whose accessible name is `name`, when given), moving a week on
   * while this one has none (at most 4 weeks).
   */
  async pickFirstFreeSlot(name?: string) {
    await expect(this.calendar.getByText(/works/)).toBeVisible();
    const candidates = () => (name ? this.freeSlots().and(this.calendar.getByRole("button", { name, exact: true })) : this.freeSlots());
    for (let week = 0; week < 4; week++) {
      if ((await candidates().count()) > 0) break;
      await this.calendar.getByRole("button", { name: "Next week →" }).click();
      await expect(this.calendar.getByText("Loading calendar…")).toBeHidden();
    }
    await candidates().first().click();
    await expect(this.calendar.getByRole("button", { pressed: true })).toHaveCount(1);
  }

  /** Picks the first free slot and books it with the keyboard alone (Space, then Enter). */
  async pickFirstFreeSlotAndBookWithKeyboard() {
    await expect(this.calendar.getByText(/works/)).toBeVisible();
    for (let week = 0; week < 4 && (await this.freeSlots().count()) === 0; week++) {
      await this.calendar.getByRole("button", { name: "Next week →" }).focus();
      await this.page.keyboard.press("Enter");
      await expect(this.calendar.getByText("Loading calendar…")).toBeHidden();
    }
    await this.freeSlots().first().focus();
    await this.page.keyboard.press("Space");
    await this.dialog.getByRole("button", { name: "Book meeting" }).focus();
    await this.page.keyboard.press("Enter");
    await expect(this.dialog).toBeHidden();
  }

  async book() {
    await this.dialog.getByRole("button", { name: "Book meeting" }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** "… — 3 meetings, …" → 3 */
export function countIn(label: string): number {
  const match = /— (\d+) meetings?/.exec(label);
  if (!match?.[1]) throw new Error(`no count in option label: ${label}`);
  return Number(match[1]);
}
