import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { CalendarFeedPage } from "./pages/calendar-feed";
import { LoginPage } from "./pages/login";
import { RecordPage } from "./pages/record";
import { RecordsListPage } from "./pages/records-list";
import { RotationPage } from "./pages/rotation";
import { RotationsListPage } from "./pages/rotations-list";
import { ScheduleDialog } from "./pages/schedule-dialog";
import { uniqueName } from "./pages/settings";
import { TeamsPage } from "./pages/teams";
import { UsersPage } from "./pages/users";

export const DEMO_USERS = {
  admin: { email: "morgan@acme.test", name: "Morgan Lee" },
  rep: { email: "james@acme.test", name: "James Carter" },
  repWithoutPermission: { email: "daniel@acme.test", name: "Daniel Kim" },
  /** A rep who hosts rotation meetings, for what only the host may do. */
  host: { email: "camille@acme.test", name: "Camille Dubois" },
  /** A member no other test books: her calendar becomes a real CalDAV one in calendar-connection.spec. */
  calendarOwner: { email: "mia@acme.test", name: "Mia Thompson" },
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Signs a page in as a demo user and waits until the app shows who is signed in. */
async function signIn(page: Page, who: DemoUser) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_USERS[who].email);
  await expect(new AppShell(page).accountMenu(DEMO_USERS[who].name)).toBeVisible();
}

interface PageObjects {
  loginPage: LoginPage;
  shell: AppShell;
  recordsList: RecordsListPage;
  recordPage: RecordPage;
  scheduleDialog: ScheduleDialog;
  rotationsList: RotationsListPage;
  rotationPage: RotationPage;
  usersPage: UsersPage;
  teamsPage: TeamsPage;
  calendarFeedPage: CalendarFeedPage;
}

interface Helpers {
  /** Signs the test's page in as a demo user. */
  signInAs: (who: DemoUser) => Promise<void>;
  /** Signs another page in (a second browser context: another person, another session). */
  signInElsewhere: (who: DemoUser) => Promise<Page>;
  /**
   * A new rotation of these users and/or teams, made by the demo admin in a browser context
   * of their own, so the test's page keeps its own session. Every count in it starts at 0
   * and only this test books through it. Returns the rotation's name.
   */
  createRotation: (prefix: string, members: string[]) => Promise<string>;
}

export const test = base.extend<PageObjects & Helpers>({
  loginPage: async ({ page }, provide) => provide(new LoginPage(page)),
  shell: async ({ page }, provide) => provide(new AppShell(page)),
  recordsList: async ({ page }, provide) => provide(new RecordsListPage(page)),
  recordPage: async ({ page }, provide) => provide(new RecordPage(page)),
  scheduleDialog: async ({ page }, provide) => provide(new ScheduleDialog(page)),
  rotationsList: async ({ page }, provide) => provide(new RotationsListPage(page)),
  rotationPage: async ({ page }, provide) => provide(new RotationPage(page)),
  usersPage: async ({ page }, provide) => provide(new UsersPage(page)),
  teamsPage: async ({ page }, provide) => provide(new TeamsPage(page)),
  calendarFeedPage: async ({ page }, provide) => provide(new CalendarFeedPage(page)),

  signInAs: async ({ page }, provide) => {
    await provide((who) => signIn(page, who));
  },
  signInElsewhere: async ({ browser }, provide) => {
    const contexts: Array<{ close(): Promise<void> }> = [];
    await provide(async (who) => {
      const context = await browser.newContext();
      contexts.push(context);
      const other = await context.newPage();
      await signIn(other, who);
      return other;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  createRotation: async ({ signInElsewhere }, provide) => {
    let admin: Page | undefined;
    await provide(async (prefix, members) => {
      admin ??= await signInElsewhere("admin");
      const name = uniqueName(prefix);
      await new RotationsListPage(admin).create(name, members);
      return name;
    });
  },
});

export { expect };
export { LoginPage } from "./pages/login";
export { uniqueName } from "./pages/settings";
