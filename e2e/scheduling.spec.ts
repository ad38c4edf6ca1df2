import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { countIn, ScheduleDialog } from "./pages/schedule-dialog";

const EMEA = "EMEA inbound demos";
const SUPPORT = "Support escalations";

async function openFirstRecord(page: Page, path: string, tableName: string) {
  await page.goto(path);
  await page.getByRole("table", { name: tableName }).getByRole("rowheader").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Meetings" })).toBeVisible();
}

// One demo database for the whole run: these steps build on each other's counts.
test.describe.configure({ mode: "serial" });

test.describe("booking through a rotation", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("rep");
  });

  test("proposes the member the rule says, books them, and their count goes up by one", async ({ page }) => {
    await openFirstRecord(page, "/contacts", "Contacts");
    const dialog = new ScheduleDialog(page);
    await dialog.open();
    await dialog.chooseRotation(EMEA);
    // Demo counts: Camille 3, Olivia 2, Lukas 1; Sofia has calendar sync off (not eligible).
    await expect(dialog.hostSelect.locator("option:checked")).toHaveText(/^Lukas Schmidt \(proposed\) — 1 meeting,/);
    await expect(dialog.hostOption("Sofia Rossi")).toBeDisabled();
    await expect(dialog.hostOption("Sofia Rossi")).toHaveText(/not eligible \(calendar sync off\)/);
    await expect(dialog.calendar.getByText(/Lukas Schmidt works .* in Europe\/Berlin/)).toBeVisible();

    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(page.getByRole("status").getByText("Meeting booked with Lukas Schmidt.")).toBeVisible();
    const booked = page.getByRole("list", { name: "Meetings" }).getByRole("listitem").filter({ hasText: /Host Lukas Schmidt · booked by James Carter · through rotation “EMEA inbound demos”/ });
    await expect(booked).toBeVisible();
    const invite = await page.request.get((await booked.getByRole("link", { name: /Download invite/ }).getAttribute("href")) ?? "");
    expect(invite.headers()["content-type"]).toContain("text/calendar");
    expect(await invite.text()).toMatch(/ORGANIZER;CN="?Lukas Schmidt"?:mailto:lukas@acme\.test/);

    await dialog.open();
    await dialog.chooseRotation(EMEA);
    expect(countIn((await dialog.hostOption("Lukas Schmidt").textContent()) ?? "")).toBe(2);
    // Olivia and Lukas now tie on 2; Lukas was scheduled more recently, so Olivia is next (R8).
    await expect(dialog.hostSelect.locator("option:checked")).toHaveText(/^Olivia Martinez \(proposed\) — 2 meetings,/);
  });

  test("an override books the chosen member and counts for them", async ({ page }) => {
    await openFirstRecord(page, "/contacts", "Contacts");
    const dialog = new ScheduleDialog(page);
    await dialog.open();
    await dialog.chooseRotation(EMEA);
    const before = countIn((await dialog.hostOption("Camille Dubois").textContent()) ?? "");
    await dialog.chooseHost("Camille Dubois");
    await expect(dialog.calendar.getByText(/Camille Dubois works/)).toBeVisible();
    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(page.getByRole("status").getByText("Meeting booked with Camille Dubois (override).")).toBeVisible();

    await dialog.open();
    await dialog.chooseRotation(EMEA);
    expect(countIn((await dialog.hostOption("Camille Dubois").textContent()) ?? "")).toBe(before + 1);
  });

  test("deleting a rotation meeting takes one from the host's count", async ({ page }) => {
    await openFirstRecord(page, "/contacts", "Contacts");
    const dialog = new ScheduleDialog(page);
    await dialog.open();
    await dialog.chooseRotation(EMEA);
    const before = countIn((await dialog.hostOption("Camille Dubois").textContent()) ?? "");
    await page.keyboard.press("Escape");

    const meeting = page.getByRole("listitem").filter({ hasText: "Host Camille Dubois · booked by James Carter" }).first();
    await meeting.getByRole("button", { name: /^Delete meeting/ }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete this meeting?" });
    await confirm.getByRole("button", { name: "Delete meeting" }).click();
    await expect(page.getByRole("status").getByText("Meeting deleted. The host's rotation count went down by one.")).toBeVisible();

    await dialog.open();
    await dialog.chooseRotation(EMEA);
    expect(countIn((await dialog.hostOption("Camille Dubois").textContent()) ?? "")).toBe(before - 1);
  });

  for (const [path, table] of [
    ["/companies", "Companies"],
    ["/deals", "Deals"],
    ["/tickets", "Tickets"],
  ] as const) {
    test(`the same flow books from ${table.toLowerCase()}`, async ({ page }) => {
      await openFirstRecord(page, path, table);
      const dialog = new ScheduleDialog(page);
      await dialog.open();
      await dialog.chooseRotation(SUPPORT);
      const proposed = (await dialog.selectedHostLabel()).split(" (proposed)")[0] ?? "";
      expect(proposed).not.toBe("");
      const before = countIn(await dialog.selectedHostLabel());
      await dialog.pickFirstFreeSlot();
      await dialog.book();
      await expect(page.getByRole("list", { name: "Meetings" }).getByText(`Host ${proposed} · booked by James Carter`).first()).toBeVisible();
      await dialog.open();
      await dialog.chooseRotation(SUPPORT);
      expect(countIn((await dialog.hostOption(proposed).textContent()) ?? "")).toBe(before + 1);
    });
  }

  test("the booking can be done with the keyboard alone, and the open dialog has no axe violations", async ({ page }) => {
    await openFirstRecord(page, "/contacts", "Contacts");
    const dialog = new ScheduleDialog(page);
    await page.getByRole("button", { name: "Schedule meeting" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog.dialog).toBeVisible();
    await dialog.rotationSelect.focus();
    await page.keyboard.press("ArrowDown"); // the first rotation
    await expect(dialog.hostSelect).toBeEnabled();
    await expect(dialog.calendar.getByText(/works/)).toBeVisible();
    await expectNoAxeViolations(page);

    for (let week = 0; week < 4 && (await dialog.freeSlots().count()) === 0; week++) {
      await dialog.calendar.getByRole("button", { name: "Next week →" }).focus();
      await page.keyboard.press("Enter");
      await expect(dialog.calendar.getByText("Loading calendar…")).toBeHidden();
    }
    await dialog.freeSlots().first().focus();
    await page.keyboard.press("Space");
    await dialog.dialog.getByRole("button", { name: "Book meeting" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog.dialog).toBeHidden();
    await expect(page.getByRole("status").getByText(/Meeting booked with/)).toBeVisible();
  });
});

test.describe("a rep without the permission", () => {
  test("sees no rotation tab, books on his own calendar, and the server refuses a forged rotation booking", async ({ page, signInAs }) => {
    await signInAs("repWithoutPermission");
    await openFirstRecord(page, "/contacts", "Contacts");
    const dialog = new ScheduleDialog(page);
    await dialog.open();
    await expect(dialog.dialog.getByRole("tab", { name: "Meeting", exact: true })).toBeVisible();
    await expect(dialog.dialog.getByRole("tab", { name: "Meeting rotation" })).toHaveCount(0);
    // What he can do: book on his own calendar.
    await expect(dialog.calendar.getByText(/Daniel Kim works/)).toBeVisible();
    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(page.getByRole("list", { name: "Meetings" }).getByText("Host Daniel Kim · booked by Daniel Kim").first()).toBeVisible();

    const rotations = await page.request.get("/api/v1/rotations");
    expect(rotations.status()).toBe(403);
    const forged = await page.request.post("/api/v1/meetings", {
      data: {
        recordType: "contact",
        recordId: page.url().split("/").pop(),
        title: "Forged",
        start: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        durationMinutes: 30,
        rotationId: "00000000-0000-4000-8000-000000000000",
      },
    });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe("forbidden");
  });
});
