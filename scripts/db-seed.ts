// `npm run db:seed`: loads the demo organisation into an empty database. Idempotent: a
// database that already has users is left as it is.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoDataIfEmpty } from "@/lib/server/demo/demo";
import { databaseConfigFromEnv } from "@/db/config";

const handle = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(handle);
  const seeded = await seedDemoDataIfEmpty(handle.db);
  console.log(seeded ? "Demo data loaded." : "The database already has users; nothing to do.");
} finally {
  await handle.close();
}
