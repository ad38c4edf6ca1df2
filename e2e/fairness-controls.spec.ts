import type { Page } from "@playwright/test";
import { formatDay, formatTime } from "../lib/domain/format-time";
import { RecordPage } from "./pages/record";
import { ScheduleDialog } from "./pages/schedule-dialog";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/*
 * The fairness controls of DESIGN §8 in the browser. Each test books through a rotation it
 * creates; the out-of-office period it adds is deleted again, so other tests see Wei as before.
 */
test.describe.configure({ timeout: 120_000 });

async function openRotationPage(admin: Page, name: string) {
  await admin.goto("/settings/meetings/rotations");
  await admin.getByRole("link", { name }).click();
  await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("an admin sets a weekly cap and an out-of-office period; the rep sees both reasons in the dialog", async ({ signInAs, signInElsewhere, createRotation, recordsList, scheduleDialog: dialog }) => {
  const rotation = await createRotation("Caps", ["Priya Sharma", "Wei Chen"]);
  const admin = await signInElsewhere("admin");

  await openRotationPage(admin, rotation);
  const settings = admin.getByRole("region", { name: "Rotation settings" });
  await settings.getByRole("textbox", { name: "Weekly cap" }).fill("0");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText(/Enter a whole number from 1/)).toBeVisible();
  await settings.getByRole("textbox", { name: "Weekly cap" }).fill("1");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Rotation settings saved." })).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("region", { name: "Rotation settings" }).getByRole("textbox", { name: "Weekly cap" })).toHaveValue("1");
  await expectNoAxeViolations(admin);

  await admin.goto("/settings/out-of-office");
  await admin.getByRole("button", { name: "Add out-of-office period" }).click();
  const add = admin.getByRole("dialog", { name: "Add out-of-office period" });
  const user = add.getByRole("combobox", { name: "User" });
  await user.fill("wei");
  await add.getByRole("option", { name: "Wei Chen (Asia/Singapore)" }).click();
  await expect(user).toHaveValue("Wei Chen (Asia/Singapore)");
  const local = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16); // Singapore is UTC+8
  await add.getByRole("textbox", { name: "Start" }).fill(local(-1));
  await add.getByRole("textbox", { name: "End" }).fill(local(3));
  await add.getByRole("textbox", { name: "Note" }).fill("Conference");
  await add.getByRole("button", { name: "Add period" }).click();
  const period = admin.getByRole("list", { name: "Out-of-office periods" }).getByRole("listitem").filter({ hasText: "Wei Chen" });
  await expect(period).toContainText("Conference");
  await openRotationPage(admin, rotation);
  await expect(admin.getByRole("region", { name: "Out of office" })).toContainText("Wei Chen");

  try {
    await signInAs("rep");
    await recordsList.openFirst("Contacts");
    await dialog.open();
    await dialog.chooseRotation(rotation);
    await expect(dialog.hostOption("Wei Chen")).toHaveText(/— out of office until /);
    await expect(dialog.hostOption("Wei Chen")).toBeDisabled();
    await expect(dialog.selectedHost()).toHaveText(/^Priya Sharma \(proposed\)/);
    // Next week has room: book Priya there once, which fills her weekly cap of 1.
    await dialog.calendar.getByRole("button", { name: "Next week →" }).click();
    await dialog.pickFirstFreeSlot();
    await dialog.book();

    await dialog.open();
    await dialog.chooseRotation(rotation);
    await dialog.calendar.getByRole("button", { name: "Next week →" }).click();
    await dialog.pickFirstFreeSlot();
    await expect(dialog.dialog.getByText("Priya Sharma can’t take this time: weekly cap 1 reached.")).toBeVisible();
    await expect(dialog.dialog.getByRole("button", { name: "Book meeting" })).toBeDisabled();
    await expectNoAxeViolations(dialog.dialog.page());
  } finally {
    await admin.goto("/settings/out-of-office");
    await admin.getByRole("list", { name: "Out-of-office periods" }).getByRole("listitem").filter({ hasText: "Conference" }).getByRole("button", { name: /^Delete/ }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Delete period" }).click();
    await expect(admin.getByText("Out-of-office period deleted.")).toBeVisible();
  }
});

test("an admin adjusts a count with a reason and reads it in the count history", async ({ signInElsewhere, createRotation }) => {
  const rotation = await createRotation("Ledger", ["Camille Dubois", "Lukas Schmidt"]);
  const admin = await signInElsewhere("admin");
  await openRotationPage(admin, rotation);
  await admin.getByRole("button", { name: "Adjust count for Lukas Schmidt" }).click();
  const adjust = admin.getByRole("dialog", { name: "Adjust count for Lukas Schmidt" });
  await adjust.getByRole("textbox", { name: "Change" }).fill("-1");
  await adjust.getByRole("textbox", { name: "Reason" }).fill("Correction");
  await adjust.getByRole("button", { name: "Adjust count" }).click();
  await expect(adjust.getByText("The count is 0; it cannot go below 0.")).toBeVisible();
  await adjust.getByRole("textbox", { name: "Change" }).fill("2");
  await adjust.getByRole("button", { name: "Adjust count" }).click();
  await expect(adjust).toBeHidden();
  await expect(admin.getByRole("button", { name: "Adjust count for Lukas Schmidt" })).toBeFocused();
  const row = admin.getByRole("table", { name: "Members, in the order they are proposed" }).getByRole("row").filter({ hasText: "Lukas Schmidt" });
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");

  await admin.getByRole("button", { name: "Count history for Lukas Schmidt" }).click();
  const history = admin.getByRole("dialog", { name: "Count history for Lukas Schmidt" });
  await expect(history.getByRole("listitem").first()).toContainText("Manual adjustment");
  await expect(history.getByRole("listitem").first()).toContainText("“Correction”");
  await expect(history.getByRole("listitem").first()).toContainText("+2");
  await expectNoAxeViolations(admin);
});

/** The slot label the dialog shows the rep (New York) for the first half hour both users have free. */
async function slotBothFree(page: Page, first: string, second: string): Promise<string> {
  const free = async (userId: string) => {
    const range = new URLSearchParams({ from: new Date().toISOString(), to: new Date(Date.now() + 21 * 86_400_000).toISOString() });
    const response = await page.request.get(`/api/v1/users/${userId}/calendar?${range}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { slots: Array<{ start: string }> }).slots.map((s) => s.start);
  };
  const theirs = new Set(await free(second));
  const start = (await free(first)).find((s) => theirs.has(s));
  expect(start, "a half hour both are free in the next three weeks").toBeTruthy();
  const at = new Date(start!);
  return `${formatDay(at, "America/New_York")} ${formatTime(at, "America/New_York")}, ${formatTime(at, "Europe/Paris")} host time`;
}

test("the host marks an outcome and reassigns a meeting to next in rotation; the counts move", async ({ page, signInAs, signInElsewhere, createRotation, recordsList, scheduleDialog: dialog }) => {
  const rotation = await createRotation("Reassign", ["Camille Dubois", "Lukas Schmidt"]);
  await signInAs("rep");
  const record = await recordsList.openFirst("Contacts");
  const recordUrl = record.page.url();
  await dialog.open();
  await dialog.chooseRotation(rotation);
  await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\)/);
  // A time Lukas is free too (his hours and the demo's busy blocks differ from Camille's), so he can take it over.
  await dialog.pickFirstFreeSlot(await slotBothFree(page, "usr_camille", "usr_lukas"));
  await dialog.book();

  const host = await signInElsewhere("host");
  await host.goto(recordUrl);
  const hostRecord = new RecordPage(host);
  const meeting = hostRecord.meeting(`through rotation “${rotation}”`);
  await meeting.getByRole("button", { name: /^Mark outcome/ }).click();
  await host.getByRole("dialog", { name: "Mark outcome" }).getByRole("button", { name: "Completed" }).click();
  await expect(meeting).toContainText("Outcome: Completed");

  await meeting.getByRole("button", { name: /^Reassign meeting/ }).click();
  const reassign = host.getByRole("dialog", { name: "Reassign meeting" });
  await expect(reassign.getByRole("combobox", { name: "New host" }).locator("option:checked")).toHaveText("Next in rotation (Lukas Schmidt)");
  await expectNoAxeViolations(host);
  await reassign.getByRole("button", { name: "Reassign" }).click();
  await expect(reassign.getByText(/Say why the meeting moves/)).toBeVisible();
  await reassign.getByRole("textbox", { name: "Reason" }).fill("Camille is travelling");
  await reassign.getByRole("button", { name: "Reassign" }).click();
  await expect(reassign).toBeHidden();
  await expect(hostRecord.meeting(`Host Lukas Schmidt · booked by James Carter · through rotation “${rotation}”`)).toBeVisible();

  const hostDialog = new ScheduleDialog(host);
  await hostDialog.open();
  await hostDialog.chooseRotation(rotation);
  expect(await hostDialog.countOf("Camille Dubois")).toBe(0);
  expect(await hostDialog.countOf("Lukas Schmidt")).toBe(1);
});
