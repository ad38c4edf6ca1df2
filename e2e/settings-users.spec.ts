import { expect, expectNoAxeViolations, test } from "./fixtures";
import { UsersPage } from "./pages/settings";

// Noah and Ethan are in no demo rotation and sign-in nobody uses, so changing them here
// cannot disturb another spec; each test puts back what it changed.
test.describe("settings: users", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("an admin sets a user's calendar, time zone and working hours; an unknown time zone is refused beside the field", async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto();
    await expectNoAxeViolations(page);
    await expect(users.row("Noah Williams")).toContainText("Not eligible: calendar not connected");

    let panel = await users.openEditPanel("Noah Williams");
    await expectNoAxeViolations(page);
    const timeZone = panel.getByRole("combobox", { name: "Time zone" });
    await timeZone.fill("Mars/Olympus_Mons");
    await panel.getByRole("button", { name: "Save" }).click();
    await expect(timeZone).toHaveAccessibleDescription(/Use a time zone name such as Europe\/Paris/);
    await expect(timeZone).toHaveAttribute("aria-invalid", "true");

    await timeZone.fill("Asia/Tokyo");
    await panel.getByRole("checkbox", { name: "Calendar connected" }).check();
    await panel.getByRole("checkbox", { name: "Fri" }).uncheck();
    await panel.getByRole("textbox", { name: "Start time" }).fill("10:00");
    await panel.getByRole("textbox", { name: "End time" }).fill("18:00");
    await panel.getByRole("button", { name: "Save" }).click();
    await expect(panel).toBeHidden();
    await expect(users.row("Noah Williams")).toContainText("Asia/Tokyo");
    await expect(users.row("Noah Williams")).toContainText("Mon–Thu, 10:00–18:00");
    await expect(users.row("Noah Williams")).toContainText("Eligible");

    // Working hours that end before they start are refused too.
    panel = await users.openEditPanel("Noah Williams");
    await panel.getByRole("textbox", { name: "End time" }).fill("08:00");
    await panel.getByRole("button", { name: "Save" }).click();
    await expect(panel.getByRole("textbox", { name: "End time" })).toHaveAccessibleDescription(/The end must be after the start\./);

    // Put Noah back as the demo has him.
    await timeZone.fill("America/New_York");
    await panel.getByRole("checkbox", { name: "Calendar connected" }).uncheck();
    await panel.getByRole("checkbox", { name: "Fri" }).check();
    await panel.getByRole("textbox", { name: "Start time" }).fill("09:00");
    await panel.getByRole("textbox", { name: "End time" }).fill("17:00");
    await panel.getByRole("button", { name: "Save" }).click();
    await expect(panel).toBeHidden();
    await expect(users.row("Noah Williams")).toContainText("Mon–Fri, 09:00–17:00");
  });

  test("deactivating asks first; the user shows as inactive and can be reactivated", async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto();
    await users.row("Ethan Brooks").getByRole("button", { name: "Deactivate Ethan Brooks" }).click();
    await page.getByRole("alertdialog", { name: "Deactivate Ethan Brooks?" }).getByRole("button", { name: "Deactivate" }).click();
    await expect(users.row("Ethan Brooks")).toContainText("Inactive");
    await expect(users.row("Ethan Brooks")).toContainText("Not eligible: inactive, no seat");

    await users.row("Ethan Brooks").getByRole("button", { name: "Reactivate Ethan Brooks" }).click();
    await expect(users.row("Ethan Brooks")).not.toContainText("Inactive");
    await expect(users.row("Ethan Brooks").getByRole("button", { name: "Deactivate Ethan Brooks" })).toBeVisible();
  });

  test("an admin cannot deactivate themselves: there is no such button", async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto();
    await expect(users.row("Morgan Lee")).toContainText("You");
    await expect(users.row("Morgan Lee").getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  });
});
