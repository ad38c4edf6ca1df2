import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { startNextProcess, stopNextProcess, type NextProcess } from "../test/next-process";
import { DEMO_USERS, expect, expectNoAxeViolations, test } from "./fixtures";
import { LoginPage } from "./pages/login";
import { RotationPanel } from "./pages/settings";
import { UsersPage } from "./pages/users";

/*
 * The large organisation (2,000 more users, 200 more teams): a server of this file's own on
 * an embedded database seeded with `npm run db:seed -- --large`, since the shared e2e server
 * has only the demo's 12 people and one page of them.
 */
let server: NextProcess | undefined;
let dataDir = "";
const base = () => `http://127.0.0.1:${server?.port ?? 0}`;

function seedLarge(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/db-seed.ts", "--large"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`db:seed --large exited ${code}:\n${output.join("")}`))));
  });
}

test.describe("a large organisation", () => {
  // Pages of 50 users and axe over them take longer than the demo's on a shared 2-core machine.
  test.describe.configure({ timeout: 150_000 });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    mkdirSync(".test-data", { recursive: true });
    dataDir = mkdtempSync(path.join(".test-data", "e2e-large-"));
    const env = { DATABASE_URL: "", DATA_DIR: dataDir };
    await seedLarge({ ...process.env, ...env });
    server = await startNextProcess(env, []);
  });
  test.afterAll(async () => {
    if (server) await stopNextProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto(`${base()}/login`);
    await login.signIn(DEMO_USERS.admin.email);
    await expect(page.getByRole("button", { name: `Account menu for ${DEMO_USERS.admin.name}` })).toBeVisible();
  });

  test("Settings → Users searches and pages by keyboard, and says when nothing matches", async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto(`${base()}/settings/users`);
    await expect(users.pager).toContainText("Showing 1–50 of 2,012");
    expect(await users.names()).toHaveLength(50);

    // Next page with the keyboard: focus the link, Enter.
    await users.pager.getByRole("link", { name: "Next page" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/settings\/users\?page=2$/);
    await expect(users.pager).toContainText("Showing 51–100 of 2,012");
    const second = await users.names();
    expect(second).toHaveLength(50);
    await users.pager.getByRole("link", { name: "Previous page" }).press("Enter");
    await expect(users.pager).toContainText("Showing 1–50 of 2,012");
    expect(await users.names()).not.toContain(second[0]);

    // Search: type, Enter submits the GET form. Yusuf Nguyen is user 698 of 2,000.
    await users.search.focus();
    await page.keyboard.type("yusuf.nguyen@");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?q=yusuf\.nguyen%40$/);
    await expect(users.pager).toContainText("Showing 1 of 1");
    expect(await users.names()).toEqual(["Yusuf Nguyen"]);
    await expect(users.search).toHaveValue("yusuf.nguyen@");

    await users.search.fill("nobody-by-this-name");
    await users.search.press("Enter");
    await expect(page.getByText("No users match “nobody-by-this-name”")).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toBeHidden();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "show all users" }).press("Enter");
    await expect(users.pager).toContainText("Showing 1–50 of 2,012");
    await expectNoAxeViolations(page);
  });

  test("the users and teams pages fit a 390 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ["/settings/users?page=20", "/settings/teams"]) {
      await page.goto(`${base()}${url}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, `${url} is ${widths.scroll} px wide`).toBeLessThanOrEqual(widths.inner);
    }
    await expectNoAxeViolations(page);
  });

  test("Out of office: the page no longer carries the whole organisation; an admin finds anyone of 2,000 by typing", async ({ page }) => {
    const response = await page.goto(`${base()}/settings/out-of-office`);
    expect(await response?.text()).not.toContain("Yusuf Nguyen");
    await page.getByRole("button", { name: "Add out-of-office period" }).click();
    const add = page.getByRole("dialog", { name: "Add out-of-office period" });
    const user = add.getByRole("combobox", { name: "User" });
    await expect(user).toHaveValue(`${DEMO_USERS.admin.name} (Europe/London)`);
    // Not among the first 20 by name: only the server's search can offer him.
    await user.fill("yusuf ngu");
    await expect(add.getByRole("option", { name: /^Yusuf Nguyen \(/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await user.press("ArrowDown");
    await user.press("Enter");
    await expect(user).toHaveValue(/^Yusuf Nguyen \(/);
    // Typing without picking, then leaving the field, puts the chosen user back.
    await user.fill("nobody at all");
    await expect(add.getByText("No active user matches “nobody at all”.")).toBeVisible();
    await user.press("Escape");
    await add.getByRole("textbox", { name: "Start" }).focus();
    await expect(user).toHaveValue(/^Yusuf Nguyen \(/);

    await add.getByRole("textbox", { name: "Start" }).fill("2030-07-01T09:00");
    await add.getByRole("textbox", { name: "End" }).fill("2030-07-05T17:00");
    await add.getByRole("button", { name: "Add period" }).click();
    await expect(page.getByRole("list", { name: "Out-of-office periods" }).getByRole("listitem").filter({ hasText: "Yusuf Nguyen" })).toBeVisible();
  });

  test("the member picker finds anyone of 2,000 by typing, and a team's add-member form opens from its link", async ({ page }) => {
    await page.goto(`${base()}/settings/meetings/rotations`);
    await page.getByRole("button", { name: "Create rotation" }).click();
    const panel = new RotationPanel(page, "Create rotation");
    await expect(panel.dialog).toBeVisible();
    // Not among the first 20 by name: only the server's search can offer her.
    await panel.pickWithKeyboard("Yusuf Nguyen");
    await expect(panel.chosen).toContainText("Yusuf Nguyen");
    await panel.members.fill("Lisbon Sales");
    await expect(panel.option("Lisbon Sales")).toContainText("Team · 10 users");
    await expect(panel.members).toHaveAttribute("aria-expanded", "true");
    await expectNoAxeViolations(page);
    await panel.members.press("Escape");

    await page.goto(`${base()}/settings/teams?q=lisbon`);
    const team = page.getByRole("region", { name: "Lisbon Sales", exact: true });
    await expect(team.getByRole("combobox", { name: "Add a member to Lisbon Sales" })).toHaveCount(0);
    await team.getByRole("link", { name: "Add a member to Lisbon Sales" }).click();
    await expect(team.getByRole("combobox", { name: "Add a member to Lisbon Sales" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Teams pages" })).toContainText("Showing 1–10 of 10");
  });
});
