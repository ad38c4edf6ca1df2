import { expect, expectNoAxeViolations, test } from "./fixtures";

// Noah and Ethan are in no demo rotation and sign-in nobody uses, so changing them here
// cannot disturb another spec; each test puts back what it changed.
test.describe("settings: users", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("an admin sets a user's calendar, time zone and working hours; an unknown time zone is refused beside the field", async ({ page, usersPage: users }) => {
    await users.goto();
    await expectNoAxeViolations(page);
    await expect(users.row("Noah Williams")).toContainText("Not eligible: calendar not connected");

    let panel = await users.openEditPanel("Noah Williams");
    await expectNoAxeViolations(page);
    const timeZone = panel.timeZone;
    await timeZone.fill("Mars/Olympus_Mons");
    await panel.save();
    await expect(timeZone).toHaveAccessibleDescription(/Use a time zone name such as Europe\/Paris/);
    await expect(timeZone).toHaveAttribute("aria-invalid", "true");

    await timeZone.fill("Asia/Tokyo");
    await panel.calendarConnected.check();
    await panel.weekday("Fri").uncheck();
    await panel.start.fill("10:00");
    await panel.end.fill("18:00");
    await panel.save();
    await expect(panel.dialog).toBeHidden();
    await expect(users.row("Noah Williams")).toContainText("Asia/Tokyo");
    await expect(users.row("Noah Williams")).toContainText("Mon–Thu, 10:00–18:00");
    await expect(users.row("Noah Williams")).toContainText("Eligible");

    // Working hours that end before they start are refused too.
    panel = await users.openEditPanel("Noah Williams");
    await panel.end.fill("08:00");
    await panel.save();
    await expect(panel.end).toHaveAccessibleDescription(/The end must be after the start\./);

    // Put Noah back as the demo has him.
    await panel.timeZone.fill("America/New_York");
    await panel.calendarConnected.uncheck();
    await panel.weekday("Fri").check();
    await panel.start.fill("09:00");
    await panel.end.fill("17:00");
    await panel.save();
    await expect(panel.dialog).toBeHidden();
    await expect(users.row("Noah Williams")).toContainText("Mon–Fri, 09:00–17:00");
  });

  test("deactivating asks first; the user shows as inactive and can be reactivated", async ({ usersPage: users }) => {
    await users.goto();
    await users.deactivate("Ethan Brooks");
    await expect(users.row("Ethan Brooks")).toContainText("Inactive");
    await expect(users.row("Ethan Brooks")).toContainText("Not eligible: inactive, no seat");

    await users.reactivate("Ethan Brooks");
    await expect(users.row("Ethan Brooks")).not.toContainText("Inactive");
    await expect(users.deactivateButton("Ethan Brooks")).toBeVisible();
  });

  test("an admin cannot deactivate themselves: there is no such button", async ({ usersPage: users }) => {
    await users.goto();
    await expect(users.row("Morgan Lee")).toContainText("You");
    await expect(users.row("Morgan Lee").getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  });
});
