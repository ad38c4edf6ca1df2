import { expect, expectNoAxeViolations, test, uniqueName } from "./fixtures";

test.describe("settings: teams", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("a user added to a team joins every rotation that includes it, and every count resets", async ({ page, teamsPage: teams, rotationsList, rotationPage }) => {
    // Took 58 s of its 60 on a shared 2-core machine once the add confirmed first.
    test.slow();
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
    await expect(teams.team(team)).toContainText(`Joining ${team} also joins ${rotationName}. If that resets counts, you confirm first.`);
    expect(await teams.addMemberConfirmingReset(team, "Olivia Martinez")).toContain(
      `Adding Olivia Martinez to ${team} resets every count in ${rotationName} (0 meetings counted among 2 members) to 0.`,
    );
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

  test("an add that resets counts confirms first with the rotation's figures: Cancel changes nothing, Confirm adds and resets", async ({ page, teamsPage: teams, rotationsList }) => {
    // A long journey (two pages, a rotation, axe, two widths) on a shared 2-core machine.
    test.slow();
    const team = uniqueName("Sales EMEA");
    await teams.goto();
    await teams.create(team);
    // In no rotation yet: added at once.
    await teams.addMember(team, "Camille Dubois");
    await teams.addMember(team, "Lukas Schmidt");
    const rotationName = uniqueName("Inbound EMEA");
    const rotation = await rotationsList.create(rotationName, [team]);
    const rotationUrl = page.url();
    // 9 meetings' worth of counts, as manual adjustments through the API (R13).
    for (const [userId, delta] of [["usr_camille", 5], ["usr_lukas", 4]] as const) {
      const adjusted = await page.request.post(`${rotationUrl.replace("/settings/meetings/rotations/", "/api/v1/rotations/")}/members/${userId}/adjustments`, {
        data: { delta, reason: "Meetings before this test" },
      });
      expect(adjusted.status()).toBe(201);
    }
    await page.reload();
    expect(await rotation.counts()).toEqual({ "Camille Dubois": 5, "Lukas Schmidt": 4 });

    // Keyboard: choose Ethan Brooks (no seat), Tab to Add, Enter.
    await teams.goto();
    await teams.chooseToAdd(team, "Ethan Brooks");
    await teams.addSelect(team).focus();
    await page.keyboard.press("Tab");
    await expect(teams.addButton(team)).toBeFocused();
    await page.keyboard.press("Enter");
    const confirmation = teams.resetConfirmation(team, "Ethan Brooks");
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toHaveAccessibleDescription(
      `Adding Ethan Brooks to ${team} resets every count in ${rotationName} (9 meetings counted among 2 members) to 0.`,
    );
    await expect(confirmation).toContainText("Ethan Brooks can’t be proposed (no seat): listed as not eligible, never booked, yet the counts still reset.");
    await expectNoAxeViolations(page);

    // On a phone the dialog keeps to the screen.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = await confirmation.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    if (desktop) await page.setViewportSize(desktop);

    // Cancel has focus first; Enter cancels, and focus goes back to Add.
    await expect(confirmation.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(confirmation).toBeHidden();
    await expect(teams.addButton(team)).toBeFocused();
    await expect(teams.membersOf(team)).not.toContainText("Ethan Brooks");
    await page.goto(rotationUrl);
    expect(await rotation.counts()).toEqual({ "Camille Dubois": 5, "Lukas Schmidt": 4 });

    // Confirm: Ethan joins the team and the rotation, and every count is 0.
    await teams.goto();
    await teams.chooseToAdd(team, "Ethan Brooks");
    await teams.addButton(team).click();
    await confirmation.getByRole("button", { name: "Add and reset counts" }).click();
    await expect(confirmation).toBeHidden();
    await expect(teams.status(`Ethan Brooks joined ${team}. Counts reset in 1 rotation.`)).toBeVisible();
    await expect(teams.membersOf(team)).toContainText("Ethan Brooks");
    await expect(teams.addButton(team)).toBeFocused();
    await page.goto(rotationUrl);
    expect(await rotation.counts()).toEqual({ "Camille Dubois": 0, "Lukas Schmidt": 0, "Ethan Brooks": 0 });
    await expect(rotation.history).toContainText("Every count was reset to 0");
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
