// `pretest`: the calendar tests start their own Radicale (a CalDAV server) from Debian's package.
import { existsSync } from "node:fs";

if (!existsSync("/usr/bin/radicale")) {
  console.error("The calendar tests need Radicale: sudo apt-get install radicale (Debian/Ubuntu). .ci/run installs it.");
  process.exit(1);
}
