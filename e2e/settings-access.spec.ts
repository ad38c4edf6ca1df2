import { DEMO_USERS, expect, expectNoAxeViolations, test, uniqueName } from "./fixtures";

const SETTINGS_PAGES = [
  "/settings/meetings/rotations",
  "/settings/meetings/rotations/00000000-0000-4000-8000-000000000000",
  "/settings/users",
  "/settings/teams",
] as const;

test.describe("settings: reps without admin rights", () => {
  for (const who of ["repWithoutPermission", "rep"] as const) {
    test(`${DEMO_USERS[who].name} is told plainly that the settings pages are not for them`, async ({ page, signInAs }) => {
      await signInAs(who);
      for (const path of SETTINGS_PAGES) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(403);
        await expect(page.getByRole("heading", { level: 1, name: "You’re not allowed to open this page" })).toBeVisible();
        await expect(page.getByRole("button", { name: /Create rotation|Create team|Edit/ })).toHaveCount(0);
      }
      await expectNoAxeViolations(page);
    });
  }

  test("a forged server action call from a rep is refused, and changes nothing", async ({ page, signInAs, signInElsewhere, rotationsList, rotationPage, baseURL }) => {
    await signInAs("admin");
    const rotation = await rotationsList.create(uniqueName("Forgery"), ["Camille Dubois", "Lukas Schmidt"]);
    await rotation.turnOff("Lukas Schmidt");

    // Capture the exact request the page sends to switch Lukas back on…
    const sent = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
    await rotation.turnOn("Lukas Schmidt");
    const request = await sent;
    const headers = request.headers();
    const body = request.postData() ?? "";
    expect(body).toContain("true");
    await rotation.turnOff("Lukas Schmidt");

    // …and replay it with Daniel's session.
    const repPage = await signInElsewhere("repWithoutPermission");
    const response = await repPage.request.post(request.url(), {
      headers: {
        "next-action": headers["next-action"] ?? "",
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: baseURL ?? "",
      },
      data: body,
    });
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain('"code":"forbidden"');

    await page.reload();
    await expect(rotationPage.availability("Lukas Schmidt")).not.toBeChecked();
  });
});
