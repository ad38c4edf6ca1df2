import type { Page } from "@playwright/test";
import { backgroundLuminance } from "./colour";
import { expect, expectNoAxeViolations, test, type DemoUser } from "./fixtures";
import { ScheduleDialog } from "./pages/schedule-dialog";

/*
 * The "Schedule meeting" dialog as reps use it: by keyboard alone, on a laptop and on a phone,
 * and when someone else books first. Each test books through a rotation of its own.
 */

const CAMILLE_AND_LUKAS = ["Camille Dubois", "Lukas Schmidt"];
/** From the rotation select to the week's slots: the user select, title, duration, attendees, location, week navigation. */
const MAX_TABS_TO_THE_WEEK = 10;

test.describe.configure({ timeout: 90_000 });

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** A laptop-sized page signed in as the rep, on a contact, with a rotation of Camille and Lukas made for the test. */
async function repOnAContact(prefix: string, { page, signInAs, createRotation, recordsList }: Pick<Fixtures, "page" | "signInAs" | "createRotation" | "recordsList">) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs("rep");
  const rotation = await createRotation(prefix, CAMILLE_AND_LUKAS);
  await recordsList.openFirst("Contacts");
  return rotation;
}

/** As repOnAContact, with the dialog open on that rotation. */
async function dialogOnANewRotation(prefix: string, fixtures: Pick<Fixtures, "page" | "signInAs" | "createRotation" | "recordsList" | "scheduleDialog">) {
  const rotation = await repOnAContact(prefix, fixtures);
  await fixtures.scheduleDialog.open();
  await fixtures.scheduleDialog.chooseRotation(rotation);
  return rotation;
}

/** The same record in another person's (or session's) browser, its dialog open. */
async function dialogElsewhere(who: DemoUser, page: Page, signInElsewhere: Fixtures["signInElsewhere"]) {
  const other = await signInElsewhere(who);
  await other.goto(page.url());
  const dialog = new ScheduleDialog(other);
  await dialog.open();
  return dialog;
}

const focusedSlot = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-slot") ?? null);
const focusedName = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim().slice(0, 40)}`);

const SIZES = [
  { name: "laptop", width: 1366, height: 768 },
  { name: "phone", width: 390, height: 844 },
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const size of SIZES) {
      test(`on a ${size.name}, books with the keyboard alone: the ranking in view, the week one Tab stop, focus on the new meeting`, async ({
        page,
        signInAs,
        createRotation,
        recordsList,
        recordPage,
        scheduleDialog: dialog,
      }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await signInAs("rep");
        const rotation = await createRotation("Keyboard", CAMILLE_AND_LUKAS);
        await recordsList.openFirst("Contacts");

        await dialog.openWithKeyboard();
        await expect(dialog.rotationSelect).toBeFocused();
        await dialog.chooseRotationWithKeyboard(rotation);
        await expect(dialog.ranking(rotation)).toHaveCount(2);
        await expect(dialog.ranking(rotation).first()).toContainText("Camille Dubois");
        await expect(dialog.ranking(rotation).first()).toContainText("Proposed");
        await expect(dialog.ranking(rotation).first()).toContainText("0 meetings · never scheduled");
        await expect(dialog.calendar.getByText(/works/)).toBeVisible();
        expect(await backgroundLuminance(dialog.dialog) < 0.05, "a dark dialog").toBe(colorScheme === "dark");
        await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
        await expectNoAxeViolations(page);

        // Tab on to the week; a week without free time is skipped with Enter on "Next week →".
        let tabs = 0;
        while ((await focusedSlot(page)) === null && tabs <= MAX_TABS_TO_THE_WEEK) {
          if ((await focusedName(page)) === "BUTTON Next week →" && (await dialog.freeSlots().count()) === 0) {
            await page.keyboard.press("Enter");
            await expect(dialog.calendar.getByText("Loading calendar…")).toBeHidden();
            continue;
          }
          await page.keyboard.press("Tab");
          tabs += 1;
        }
        expect(tabs).toBeLessThanOrEqual(MAX_TABS_TO_THE_WEEK);

        // The arrow keys walk the free slots; Enter picks one.
        const first = await focusedSlot(page);
        await page.keyboard.press("ArrowDown");
        const second = await focusedSlot(page);
        expect(second).not.toBeNull();
        expect(second).not.toBe(first);
        await page.keyboard.press("ArrowUp");
        expect(await focusedSlot(page)).toBe(first);
        await page.keyboard.press("Enter");
        expect(await dialog.pickedSlotStart()).toBe(first);

        // The whole week is one Tab stop: the next Tab is the Book button, in view with the summary.
        await page.keyboard.press("Tab");
        await expect(dialog.bookButton).toBeFocused();
        await expect(dialog.bookButton).toBeInViewport();
        await expect(dialog.summary()).toContainText("Camille Dubois");
        await expect(dialog.summary()).toContainText("30 minutes");
        await expectNoAxeViolations(page);

        await page.keyboard.press("Enter");
        await expect(dialog.dialog).toBeHidden();
        const booked = recordPage.meeting(`Host Camille Dubois · booked by James Carter · through rotation “${rotation}”`);
        await expect(booked).toBeFocused();
        await expect(booked).toHaveAttribute("data-just-booked", "true");
        await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
        await expectNoAxeViolations(page);
      });
    }
  });
}

test("closing the dialog gives focus back to Schedule meeting; choosing someone else says it overrides the rotation", async ({
  signInAs,
  createRotation,
  recordsList,
  recordPage,
  scheduleDialog: dialog,
}) => {
  await signInAs("rep");
  const rotation = await createRotation("Focus", CAMILLE_AND_LUKAS);
  await recordsList.openFirst("Contacts");
  await dialog.openWithKeyboard();
  await dialog.close();
  await expect(recordPage.scheduleButton).toBeFocused();

  await dialog.openWithKeyboard();
  await dialog.chooseRotationWithKeyboard(rotation);
  await expect(dialog.dialog.getByText("Overriding the rotation.")).toBeHidden();
  await dialog.chooseHost("Lukas Schmidt");
  await expect(dialog.dialog.getByRole("status").filter({ hasText: "Overriding the rotation." })).toContainText(
    "Camille Dubois is next (tied on count 0",
  );
  await expect(dialog.ranking(rotation).filter({ hasText: "Lukas Schmidt" })).toHaveAttribute("aria-current", "true");
  await dialog.dialog.getByRole("button", { name: "Choose Camille Dubois" }).click();
  await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\)/);
  await expect(dialog.dialog.getByText("Overriding the rotation.")).toBeHidden();
});

test("R21: a proposal that moved on in another tab is refused in place, the host kept, nothing booked", async ({
  page,
  signInAs,
  signInElsewhere,
  createRotation,
  recordsList,
  recordPage,
  scheduleDialog: dialog,
}) => {
  const rotation = await dialogOnANewRotation("Stale", { page, signInAs, createRotation, recordsList, scheduleDialog: dialog });
  await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\)/);
  const otherDialog = await dialogElsewhere("rep", page, signInElsewhere);
  await otherDialog.chooseRotation(rotation);
  await otherDialog.pickFirstFreeSlot();
  await otherDialog.book();

  // This tab still shows Camille as next; booking her now would be mislabelled an override.
  await dialog.pickFirstFreeSlot();
  await dialog.bookButton.click();
  const refusal = dialog.dialog.getByRole("alert");
  await expect(refusal).toHaveText("The rotation has moved on since you looked: Lukas Schmidt is next now.");
  await expect(refusal).toBeInViewport();
  await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois — 1 meeting/);
  await expect(dialog.ranking(rotation).first()).toContainText("Lukas Schmidt");
  await expect(dialog.dialog.getByRole("status").filter({ hasText: "Overriding the rotation." })).toBeVisible();
  await expectNoAxeViolations(page);

  await dialog.close();
  await page.reload();
  await expect(recordPage.meeting(`through rotation “${rotation}”`)).toHaveCount(1);
});

test("a slot taken meanwhile: the message is in view, the host stays, the slot is gone", async ({
  page,
  signInAs,
  signInElsewhere,
  createRotation,
  recordsList,
  scheduleDialog: dialog,
}) => {
  await dialogOnANewRotation("Clash", { page, signInAs, createRotation, recordsList, scheduleDialog: dialog });
  await dialog.pickFirstFreeSlot();
  const start = await dialog.pickedSlotStart();

  // Camille books that time on her own calendar: her count and the proposal do not move.
  const hers = await dialogElsewhere("host", page, signInElsewhere);
  // Her own calendar: the "Meeting" tab, when she may also book through rotations.
  const ownCalendarTab = hers.dialog.getByRole("tab", { name: "Meeting", exact: true });
  if ((await ownCalendarTab.count()) > 0) await ownCalendarTab.click();
  await hers.pickSlotAt(start);
  await hers.book();

  await dialog.bookButton.click();
  const refusal = dialog.dialog.getByRole("alert");
  await expect(refusal).toContainText("The calendar has been refreshed; pick another slot.");
  await expect(refusal).toBeInViewport();
  await expect(dialog.selectedHost()).toHaveText(/^Camille Dubois \(proposed\)/);
  await expect(dialog.calendar.locator(`[data-slot="${start}"]`)).toHaveCount(0);
  await expect(dialog.bookButton).toBeDisabled();
});
