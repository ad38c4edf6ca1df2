import { expect, expectNoAxeViolations, test, uniqueName } from "./fixtures";

test.describe("settings: teams", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("a user added to a team joins every rotation that includes it, and every count resets", async ({ page, teamsPage: teams, rotationsList, rotationPage }) => {
    const team = uniqueName("Closers");
    await teams.goto();
    await expectNoAxeViolations(page);
    await teams.create(team);
    await teams.addMember(team, "Camille Dubois");

    const rotationName = uniqueName("Team rotation");
    const rotation = await rotationsList.create(rotationName, [team, "Lukas Schmidt"]);
    expect(await rotation.counts()).toEqual({ "Camille Dubois": 0, "Lukas Schmidt": 0 });
    await expect(rotation.row("Camille Dubois")).toContainText(`Team ${team}`);

    await teams.goto();
    await expect(teams.team(team)).toContainText(`in ${rotationName}`);
    await expect(teams.team(team)).toContainText(`Joining resets every count in ${rotationName}.`);
    await teams.addMember(team, "Olivia Martinez");
    await expect(teams.status(`Olivia Martinez joined ${team}. Counts reset in 1 rotation.`)).toBeVisible();

    await teams.rotationLink(team, rotationName).click();
    await expect(rotationPage.row("Olivia Martinez")).toContainText(`Team ${team}`);
    expect(await rotationPage.counts()).toEqual({ "Camille Dubois": 0, "Lukas Schmidt": 0, "Olivia Martinez": 0 });
    await expect(rotationPage.history).toContainText("Morgan Lee added Olivia Martinez");
    await expect(rotationPage.history).toContainText(`Joined the team ${team}.`);
    await expect(rotationPage.history).toContainText("Every count was reset to 0");

    // Leaving the team leaves the rotation too, and resets nothing (R7).
    await teams.goto();
    await teams.removeMember(team, "Olivia Martinez");
    await expect(teams.membersOf(team)).not.toContainText("Olivia Martinez");
    await teams.rotationLink(team, rotationName).click();
    await expect(rotationPage.availability("Olivia Martinez")).toHaveCount(0);
    await expect(rotationPage.history).toContainText(`Left the team ${team}.`);
  });

  test("a team is renamed, refuses a name in use, and is deleted after confirmation", async ({ teamsPage: teams }) => {
    const team = uniqueName("Openers");
    await teams.goto();
    await teams.create(team);

    const rename = await teams.openRename(team);
    await rename.name.fill("sales emea");
    await rename.save.click();
    await expect(rename.name).toHaveAccessibleDescription("A team with that name already exists.");
    const renamed = `${team} (renamed)`;
    await rename.name.fill(renamed);
    await rename.save.click();
    await expect(rename.dialog).toBeHidden();
    await expect(teams.team(renamed)).toBeVisible();

    await teams.delete(renamed);
    await expect(teams.team(renamed)).toHaveCount(0);
  });
});
