import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium where it is installed (this machine and CI); Playwright's own elsewhere.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Generous: a settings journey signs in, fills a panel and runs axe; a shared 2-core machine can take 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // A fresh embedded database per run: it is created, migrated and seeded on first request.
    command: `node scripts/e2e-server.mjs ${PORT}`,
    // /login touches the database, so start-up (initdb, migrations, demo data) is paid here.
    url: `${BASE_URL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_URL: BASE_URL,
      DATA_DIR: `.test-data/e2e-${PORT}`,
      DATABASE_URL: "",
      // calendar-connection.spec connects to a Radicale server on 127.0.0.1 over http.
      CALENDAR_ALLOW_PRIVATE_HOSTS: "1",
    },
  },
});
