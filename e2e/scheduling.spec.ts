import { expect, expectNoAxeViolations, test } from "./fixtures";

/*
 * Every test books through a rotation it creates itself (as the demo admin, in a context of
 * its own), so every count it reads starts at 0 and moves only with its own bookings: the
 * tests pass alone, in any order, and again on a server earlier runs have booked on.
 */

// "Sales EMEA" is Camille Dubois, Lukas Schmidt, and Sofia Rossi, whose calendar sync is off.
const SALES_EMEA = "Sales EMEA";
const CAMILLE_AND_LUKAS = ["Camille Dubois", "Lukas Schmidt"];

// Each test signs the admin in elsewhere, creates its rotation and books up to twice: more
// than the default 30 s allows on a loaded two-core machine.
test.describe.configure({ timeout: 90_000 });

test.describe("booking through a rotation", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("rep");
  });

  test("proposes the member the rule says, books them, and their count goes up by one", async ({ page, createRotation, recordsList, recordPage, scheduleDialog: dialog }) => {
    const rotation = await createRotation("Proposal", [SALES_EMEA]);
    await recordsList.openFirst("Contacts");
    await dialog.open();
    await dialog.chooseRotation(rotation);
    // Everyone at 0, nobody scheduled, all joined together: user id decides, Camille first (R8).
    await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\) — 0 meetings, never scheduled$/);
    await expect(dialog.hostOption("Sofia Rossi")).toBeDisabled();
    await expect(dialog.hostOption("Sofia Rossi")).toHaveText(/not eligible \(calendar sync off\)/);
    await expect(dialog.calendar.getByText(/Camille Dubois works .* in Europe\/Paris/)).toBeVisible();

    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(recordPage.status("Meeting booked with Camille Dubois.")).toBeVisible();
    const booked = recordPage.meeting(`Host Camille Dubois · booked by James Carter · through rotation “${rotation}”`);
    await expect(booked).toBeVisible();
    const invite = await page.request.get((await booked.getByRole("link", { name: /Download invite/ }).getAttribute("href")) ?? "");
    expect(invite.headers()["content-type"]).toContain("text/calendar");
    expect(await invite.text()).toMatch(/ORGANIZER;CN="?Camille Dubois"?:mailto:camille@acme\.test/);

    await dialog.open();
    await dialog.chooseRotation(rotation);
    expect(await dialog.countOf("Camille Dubois")).toBe(1);
    await expect(dialog.selectedHost()).toHaveText(/^Lukas Schmidt \(proposed\) — 0 meetings,/);
    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(recordPage.status("Meeting booked with Lukas Schmidt.")).toBeVisible();

    await dialog.open();
    await dialog.chooseRotation(rotation);
    // Camille and Lukas tie on 1; Lukas was scheduled more recently, so Camille is next (R8).
    await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\) — 1 meeting,/);
    expect(await dialog.countOf("Lukas Schmidt")).toBe(1);
  });

  test("an override books the chosen member and counts for them", async ({ createRotation, recordsList, recordPage, scheduleDialog: dialog }) => {
    const rotation = await createRotation("Override", CAMILLE_AND_LUKAS);
    await recordsList.openFirst("Contacts");
    await dialog.open();
    await dialog.chooseRotation(rotation);
    await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\)/);
    expect(await dialog.countOf("Lukas Schmidt")).toBe(0);
    await dialog.chooseHost("Lukas Schmidt");
    await expect(dialog.calendar.getByText(/Lukas Schmidt works/)).toBeVisible();
    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(recordPage.status("Meeting booked with Lukas Schmidt (override).")).toBeVisible();

    await dialog.open();
    await dialog.chooseRotation(rotation);
    expect(await dialog.countOf("Lukas Schmidt")).toBe(1);
    expect(await dialog.countOf("Camille Dubois")).toBe(0);
  });

  test("deleting a rotation meeting takes one from the host's count", async ({ createRotation, recordsList, recordPage, scheduleDialog: dialog }) => {
    const rotation = await createRotation("Deletion", CAMILLE_AND_LUKAS);
    await recordsList.openFirst("Contacts");
    await dialog.open();
    await dialog.chooseRotation(rotation);
    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(recordPage.status("Meeting booked with Camille Dubois.")).toBeVisible();
    await dialog.open();
    await dialog.chooseRotation(rotation);
    expect(await dialog.countOf("Camille Dubois")).toBe(1);
    await dialog.close();

    await recordPage.deleteMeeting(recordPage.meeting(`Host Camille Dubois · booked by James Carter · through rotation “${rotation}”`));
    await expect(recordPage.status("Meeting deleted. The host's rotation count went down by one.")).toBeVisible();

    await dialog.open();
    await dialog.chooseRotation(rotation);
    expect(await dialog.countOf("Camille Dubois")).toBe(0);
  });

  for (const list of ["Companies", "Deals", "Tickets"] as const) {
    test(`the same flow books from ${list.toLowerCase()}`, async ({ createRotation, recordsList, recordPage, scheduleDialog: dialog }) => {
      const rotation = await createRotation(`From ${list.toLowerCase()}`, ["Support APAC"]);
      await recordsList.openFirst(list);
      await dialog.open();
      await dialog.chooseRotation(rotation);
      const proposed = (await dialog.selectedHostLabel()).split(" (proposed)")[0] ?? "";
      expect(proposed).not.toBe("");
      expect(await dialog.countOf(proposed)).toBe(0);
      await dialog.pickFirstFreeSlot();
      await dialog.book();
      await expect(recordPage.meeting(`Host ${proposed} · booked by James Carter · through rotation “${rotation}”`)).toBeVisible();
      await dialog.open();
      await dialog.chooseRotation(rotation);
      expect(await dialog.countOf(proposed)).toBe(1);
    });
  }

  test("the booking can be done with the keyboard alone, and the open dialog has no axe violations", async ({ page, createRotation, recordsList, recordPage, scheduleDialog: dialog }) => {
    const rotation = await createRotation("Keyboard", CAMILLE_AND_LUKAS);
    await recordsList.openFirst("Contacts");
    await dialog.openWithKeyboard();
    await dialog.chooseRotationWithKeyboard(rotation);
    await expect(dialog.calendar.getByText(/works/)).toBeVisible();
    await expectNoAxeViolations(page);

    await dialog.pickFirstFreeSlotAndBookWithKeyboard();
    await expect(recordPage.status("Meeting booked with Camille Dubois.")).toBeVisible();
    await expect(recordPage.meeting(`through rotation “${rotation}”`)).toBeVisible();
  });
});

test.describe("a rep without the permission", () => {
  test("sees no rotation tab but why, books on his own calendar, and the server refuses a forged rotation booking", async ({ page, signInAs, recordsList, recordPage, scheduleDialog: dialog }) => {
    await signInAs("repWithoutPermission");
    await recordsList.openFirst("Contacts");
    await dialog.open();
    await expect(dialog.dialog.getByRole("tab")).toHaveCount(0);
    await expect(dialog.dialog.getByText(/Booking for a meeting rotation needs the “Create scheduling pages for others” permission/)).toBeVisible();
    await expect(dialog.dialog.getByRole("textbox", { name: "Title" })).toBeFocused();
    // What he can do: book on his own calendar.
    await expect(dialog.calendar.getByText(/Daniel Kim works/)).toBeVisible();
    await dialog.pickFirstFreeSlot();
    await dialog.book();
    await expect(recordPage.meetings.getByText("Host Daniel Kim · booked by Daniel Kim").first()).toBeVisible();

    const rotations = await page.request.get("/api/v1/rotations");
    expect(rotations.status()).toBe(403);
    const forged = await page.request.post("/api/v1/meetings", {
      data: {
        recordType: "contact",
        recordId: recordPage.id(),
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
