// `pretest`: browser tests need Chromium. Debian's (/usr/bin/chromium or CHROMIUM_PATH) is
// used where present; otherwise Playwright's own, downloaded once if it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));
if (system) {
  console.log(`Using Chromium at ${system}.`);
} else if (existsSync(chromium.executablePath())) {
  console.log("Using Playwright's Chromium.");
} else {
  console.log("No Chromium found: installing Playwright's (one time).");
  execFileSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit" });
}
