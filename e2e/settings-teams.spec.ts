import { expect, expectNoAxeViolations, test } from "./fixtures";
import { RotationPage, RotationsListPage, TeamsPage, uniqueName } from "./pages/settings";

test.describe("settings: teams", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("a user added to a team joins every rotation that includes it, and every count resets", async ({ page }) => {
    const teams = new TeamsPage(page);
    const team = uniqueName("Closers");
    await teams.goto();
    await expectNoAxeViolations(page);
    await teams.create(team);
    await teams.addMember(team, "Camille Dubois");

    const rotationName = uniqueName("Team rotation");
    const rotation = await new RotationsListPage(page).create(rotationName, [team, "Lukas Schmidt"]);
    expect(await rotation.counts()).toEqual({ "Camille Dubois": 0, "Lukas Schmidt": 0 });
    await expect(rotation.row("Camille Dubois")).toContainText(`Team ${team}`);

    await teams.goto();
    await expect(teams.team(team)).toContainText(`in ${rotationName}`);
    await expect(teams.team(team)).toContainText(`Joining resets every count in ${rotationName}.`);
    await teams.addMember(team, "Olivia Martinez");
    await expect(page.getByRole("status").filter({ hasText: `Olivia Martinez joined ${team}. Counts reset in 1 rotation.` })).toBeVisible();

    await teams.team(team).getByRole("link", { name: rotationName }).click();
    const after = new RotationPage(page);
    await expect(after.row("Olivia Martinez")).toContainText(`Team ${team}`);
    expect(await after.counts()).toEqual({ "Camille Dubois": 0, "Lukas Schmidt": 0, "Olivia Martinez": 0 });
    await expect(after.history).toContainText("Morgan Lee added Olivia Martinez");
    await expect(after.history).toContainText(`Joined the team ${team}.`);
    await expect(after.history).toContainText("Every count was reset to 0");

    // Leaving the team leaves the rotation too, and resets nothing (R7).
    await teams.goto();
    await teams.team(team).getByRole("button", { name: `Remove Olivia Martinez from ${team}` }).click();
    await expect(teams.team(team).getByRole("list", { name: `Members of ${team}` })).not.toContainText("Olivia Martinez");
    await teams.team(team).getByRole("link", { name: rotationName }).click();
    await expect(after.availability("Olivia Martinez")).toHaveCount(0);
    await expect(after.history).toContainText(`Left the team ${team}.`);
  });

  test("a team is renamed, refuses a name in use, and is deleted after confirmation", async ({ page }) => {
    const teams = new TeamsPage(page);
    const team = uniqueName("Openers");
    await teams.goto();
    await teams.create(team);

    await teams.team(team).getByRole("button", { name: `Rename ${team}` }).click();
    const dialog = page.getByRole("dialog", { name: `Rename ${team}` });
    const field = dialog.getByRole("textbox", { name: "Team name" });
    await field.fill("sales emea");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(field).toHaveAccessibleDescription("A team with that name already exists.");
    const renamed = `${team} (renamed)`;
    await field.fill(renamed);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(teams.team(renamed)).toBeVisible();

    await teams.team(renamed).getByRole("button", { name: `Delete ${renamed}` }).click();
    await page.getByRole("alertdialog", { name: `Delete the team ${renamed}?` }).getByRole("button", { name: "Delete team" }).click();
    await expect(teams.team(renamed)).toHaveCount(0);
  });
});
