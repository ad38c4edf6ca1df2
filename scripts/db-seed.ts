// `npm run db:seed`: loads the demo organisation into an empty database. Idempotent: a
// database that already has users is left as it is.
// `npm run db:seed -- --large` also adds the large organisation (2,000 users, 200 teams, a
// 300-member rotation) beside the demo, once.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoDataIfEmpty } from "@/lib/server/demo/demo";
import { seedLargeOrganisationIfMissing } from "@/lib/server/demo/large-org";
import { databaseConfigFromEnv } from "@/db/config";

const large = process.argv.includes("--large");
const handle = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(handle);
  const seeded = await seedDemoDataIfEmpty(handle.db);
  console.log(seeded ? "Demo data loaded." : "The database already has users; the demo is left as it is.");
  if (large) {
    const started = performance.now();
    const added = await seedLargeOrganisationIfMissing(handle.db);
    console.log(added ? `Large organisation added in ${Math.round(performance.now() - started)} ms.` : "The large organisation is there already.");
  }
} finally {
  await handle.close();
}
