import { formatTimeRange } from "../lib/domain/format-time";
import { startRadicale, type RadicaleServer } from "../test/radicale";
import { DEMO_USERS, expect, expectNoAxeViolations, test } from "./fixtures";

// Mia (Australia/Sydney) connects a real CalDAV calendar; James (America/New_York) books her.
const PASSWORD = "mia-app-password";
let radicale: RadicaleServer;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  radicale = await startRadicale([{ username: "mia", password: PASSWORD }]);
});
test.afterAll(async () => {
  await radicale?.stop();
});

/** A daily 40-minute block at 23:10 UTC (10:10 in Sydney, inside her hours) for two weeks: no booked meeting starts at :10. */
function dailyBlock(): { ics: string; start: Date; end: Date } {
  const today = new Date();
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 23, 10));
  const end = new Date(start.getTime() + 40 * 60_000);
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//e2e//EN", "BEGIN:VEVENT", "UID:daily-standup", `DTSTAMP:${stamp(today)}`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(end)}`, "RRULE:FREQ=DAILY;COUNT=14", "SUMMARY:Standup", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
  return { ics, start, end };
}

test("a host connects a CalDAV calendar; its busy time shows in the dialog; the booking lands in the calendar and the outbox", async ({ signInAs, signInElsewhere, createRotation, recordsList, recordPage, scheduleDialog: dialog }) => {
  const calendarPath = await radicale.createCalendar("mia", PASSWORD, "work", "Work");
  const block = dailyBlock();
  await radicale.putEvent("mia", PASSWORD, calendarPath, "daily-standup", block.ics);

  // Mia connects her calendar on Settings → Calendar.
  const mia = await signInElsewhere("calendarOwner");
  await mia.goto("/settings/calendar");
  await expect(mia.getByRole("heading", { name: "Calendar", level: 1 })).toBeVisible();
  await mia.getByRole("button", { name: "Connect calendar" }).click();
  await expect(mia.getByLabel("CalDAV server URL")).toHaveAccessibleDescription(/Enter the CalDAV server URL/);
  await mia.getByLabel("CalDAV server URL").fill(radicale.url);
  await mia.getByLabel("Username").fill("mia");
  await mia.getByLabel("Password").fill("wrong-password");
  await mia.getByRole("button", { name: "Connect calendar" }).click();
  await expect(mia.getByLabel("Password")).toHaveAccessibleDescription(/401|password/i);
  await mia.getByLabel("Password").fill(PASSWORD);
  await mia.getByRole("button", { name: "Connect calendar" }).click();
  await expect(mia.getByText("Calendar connected and synced.")).toBeVisible();
  const state = mia.getByRole("region", { name: "Connected calendar" });
  await expect(state.getByText("CalDAV", { exact: true })).toBeVisible();
  await expect(state.getByText("Work")).toBeVisible();
  await expectNoAxeViolations(mia);

  // James books Mia through a rotation: her CalDAV block is busy time in the dialog's week.
  await signInAs("rep");
  const rotation = await createRotation("CalDAV", [DEMO_USERS.calendarOwner.name]);
  await recordsList.openFirst("Contacts");
  await dialog.open();
  await dialog.chooseRotation(rotation);
  await expect(dialog.selectedHost()).toHaveText(/^Mia Thompson \(proposed\)/);
  const busyText = `Busy ${formatTimeRange(block.start, block.end, "America/New_York")}`;
  await expect(dialog.calendar.getByText(busyText).first()).toBeVisible();
  await dialog.pickFirstFreeSlot();
  await dialog.book();
  await expect(recordPage.status("Meeting booked with Mia Thompson.")).toBeVisible();

  // The in-app worker writes it to Radicale (C4) and keeps the invitations in the outbox (C5).
  await expect.poll(async () => (await radicale.listEventUids("mia", PASSWORD, calendarPath)).length, { timeout: 30_000 }).toBe(2);
  const admin = await signInElsewhere("admin");
  await admin.goto("/settings/outbox");
  const invitation = admin.getByRole("list", { name: "Outbox messages" }).getByRole("listitem").filter({ hasText: "mia@acme.test" }).filter({ hasText: /^Invitation:/ }).first();
  await expect(invitation).toBeVisible();
  await expect(admin.getByRole("list", { name: "Outbox messages" }).getByText(/Calendar write: /).first()).toBeVisible();
  await expectNoAxeViolations(admin);
  // The message as it would be mailed, rendered in a sandboxed frame (where axe cannot run: no scripts).
  await invitation.getByText("View message").click();
  await expect(invitation.frameLocator("iframe").getByText("Mia Thompson").first()).toBeVisible();

  // Disconnecting asks first, and takes her busy time with it.
  await mia.goto("/settings/calendar");
  const disconnect = mia.getByRole("button", { name: "Disconnect", exact: true });
  await disconnect.click();
  await mia.keyboard.press("Escape");
  await expect(disconnect).toBeFocused();
  await disconnect.click();
  await mia.getByRole("button", { name: "Disconnect calendar" }).click();
  await expect(mia.getByText("Calendar disconnected.")).toBeVisible();
});
