import { expect, expectNoAxeViolations, test, uniqueName } from "./fixtures";
import { RotationPage } from "./pages/rotation";

test.describe("settings: meeting rotations", () => {
  test.beforeEach(async ({ signInAs }) => {
    await signInAs("admin");
  });

  test("an admin creates a rotation from users and a team, with the keyboard; an ineligible user cannot be picked", async ({ page, rotationsList: list, rotationPage: rotation }) => {
    await list.goto();
    await expect(list.rotation("EMEA inbound demos")).toBeVisible();
    await expectNoAxeViolations(page);

    const panel = await list.openCreatePanel();
    const name = uniqueName("Inbound");
    await panel.name.fill(name);
    await panel.pickWithKeyboard("Support APAC");
    await panel.pickWithKeyboard("Camille Dubois");

    // Sofia's calendar sync is off (R3): listed, disabled, with the reason; Enter does nothing.
    await panel.members.fill("Sofia");
    const sofia = panel.option("Sofia Rossi");
    await expect(sofia).toBeDisabled();
    await expect(sofia).toContainText("Not eligible: calendar sync off");
    await panel.members.press("ArrowDown");
    await panel.members.press("Enter");
    await expect(sofia).toHaveAttribute("aria-selected", "false");
    await expectNoAxeViolations(page);
    await panel.members.press("Escape");
    await expect(panel.dialog).toBeVisible(); // Escape closed the list, not the panel.
    await expect(panel.chosen.getByRole("listitem")).toHaveText([/Support APAC/, /Camille Dubois/]);

    await panel.dialog.getByRole("button", { name: "Create" }).press("Enter");
    await expect(rotation.heading(name)).toBeVisible();
    expect((await rotation.memberNames()).sort()).toEqual(["Camille Dubois", "Mia Thompson", "Priya Sharma", "Wei Chen"]);
    await expect(rotation.row("Camille Dubois")).toContainText("Direct");
    await expect(rotation.row("Wei Chen")).toContainText("Team Support APAC");
    expect(Object.values(await rotation.counts())).toEqual([0, 0, 0, 0]);
    await expect(rotation.history).toContainText("Morgan Lee created the rotation");
    await expectNoAxeViolations(page);
  });

  test("the panel shows field errors beside the fields: empty name, no members, a name already taken", async ({ rotationsList: list }) => {
    await list.goto();
    const panel = await list.openCreatePanel();
    await panel.submit("Create");
    await expect(panel.name).toHaveAttribute("aria-invalid", "true");
    await expect(panel.name).toHaveAccessibleDescription("Enter a rotation name.");
    await expect(panel.members).toHaveAccessibleDescription(/Choose at least one user or team\./);

    // Editing the field takes its error away at once, before submitting again.
    await panel.name.fill("emea INBOUND demos");
    await expect(panel.name).not.toHaveAttribute("aria-invalid", "true");
    await expect(panel.dialog.getByText("Enter a rotation name.")).toBeHidden();
    await expect(panel.members).toHaveAccessibleDescription(/Choose at least one user or team\./);
    await panel.pick("Lukas Schmidt");
    await expect(panel.dialog.getByText("Choose at least one user or team.")).toBeHidden();
    await panel.submit("Create");
    await expect(panel.name).toHaveAttribute("aria-invalid", "true");
    await expect(panel.name).toHaveAccessibleDescription("A rotation with that name already exists.");
    await expect(panel.dialog).toBeVisible();
  });

  test("switching a member off asks first; they are no longer proposed; switching on needs no confirmation", async ({ page, rotationsList }) => {
    const rotation = await rotationsList.create(uniqueName("Availability"), ["Camille Dubois", "Lukas Schmidt"]);
    const [first, second] = await rotation.memberNames();
    if (!first || !second) throw new Error("expected two members");
    await expect(rotation.nextUp).toContainText(first);

    // Cancel leaves everything as it was.
    await rotation.availability(first).click();
    await rotation.turnOffConfirmation().getByRole("button", { name: "Cancel" }).click();
    await expect(rotation.availability(first)).toBeChecked();

    await rotation.turnOff(first);
    await expect(rotation.nextUp).toContainText(second);
    await expect(rotation.nextUp).not.toContainText(first);
    await expect(rotation.row(second)).toContainText("Next up");
    // The member off goes to the end of the ranking, and keeps keyboard focus on their switch.
    await expect.poll(() => rotation.memberNames()).toEqual([second, first]);
    await expect(rotation.availability(first)).toBeFocused();
    await expect(rotation.history).toContainText(`Morgan Lee turned availability off for ${first}`);

    // On again from the keyboard (the switch kept focus): no confirmation this way round.
    await page.keyboard.press("Space");
    await expect(rotation.availability(first)).toBeChecked();
    await expect(rotation.turnOffConfirmation()).toHaveCount(0);
    await expect(rotation.nextUp).toContainText(first);
    await expect(rotation.history).toContainText(`Morgan Lee turned availability on for ${first}`);
  });

  test("editing to add a member warns that every count resets, then every count is 0", async ({ page, rotationsList }) => {
    const name = uniqueName("Edit");
    const rotation = await rotationsList.create(name, ["Camille Dubois"]);
    const panel = await rotation.openEditPanel();
    await expect(panel.dialog.getByRole("status")).toHaveCount(0);
    await panel.pick("Olivia Martinez");
    await expect(panel.dialog.getByRole("status")).toContainText("Every count will reset to 0. Saving adds Olivia Martinez");
    await expectNoAxeViolations(page);
    // From the keyboard, the save asks first with the server's figures; Cancel goes back to Save, unsaved.
    await panel.dialog.getByRole("button", { name: "Save" }).press("Enter");
    const confirmation = page.getByRole("alertdialog", { name: `Reset every count in ${name}?` });
    await expect(confirmation).toHaveAccessibleDescription(`Adding Olivia Martinez resets every count in ${name} (0 meetings counted among 1 member) to 0.`);
    await confirmation.getByRole("button", { name: "Cancel" }).click();
    await expect(confirmation).toBeHidden();
    await expect(panel.dialog.getByRole("button", { name: "Save" })).toBeFocused();
    await panel.submit("Save");
    await confirmation.getByRole("button", { name: "Save and reset counts" }).click();
    await expect(panel.dialog).toBeHidden();
    await expect(rotation.status("Rotation saved. New members joined")).toBeVisible();

    await expect.poll(() => rotation.counts()).toEqual({ "Camille Dubois": 0, "Olivia Martinez": 0 });
    await expect(rotation.history).toContainText("Every count was reset to 0");
    await expect(rotation.history).toContainText("Morgan Lee added Olivia Martinez");
  });

  test("a refused switch flips back with an error, e.g. when the member was removed meanwhile", async ({ page, context, rotationsList }) => {
    const rotation = await rotationsList.create(uniqueName("Stale"), ["Camille Dubois", "Lukas Schmidt"]);
    // Another admin tab removes Lukas while this page still shows him.
    const other = new RotationPage(await context.newPage());
    await other.page.goto(page.url());
    const panel = await other.openEditPanel();
    await panel.chosen.getByRole("button", { name: "Remove Lukas Schmidt" }).click();
    await panel.submit("Save");
    await expect(panel.dialog).toBeHidden();

    await rotation.availability("Lukas Schmidt").click();
    await rotation.turnOffConfirmation().getByRole("button", { name: "Turn off availability" }).click();
    await expect(rotation.alert("Availability for Lukas Schmidt was not changed")).toBeVisible();
    // The page refreshes to the truth: Lukas is no longer a member.
    await expect(rotation.availability("Lukas Schmidt")).toHaveCount(0);
  });

  test("deleting a rotation asks first, then returns to the list without it", async ({ page, rotationsList }) => {
    const name = uniqueName("Delete me");
    const rotation = await rotationsList.create(name, ["Lukas Schmidt"]);
    await rotation.delete(name);
    await expect(page).toHaveURL(/\/settings\/meetings\/rotations$/);
    await expect(rotationsList.status(`“${name}” was deleted.`)).toBeVisible();
    await expect(rotationsList.rotation(name)).toHaveCount(0);
  });
});
