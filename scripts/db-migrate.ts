// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded
// database in .data/ when it is unset. The app also does this itself on start.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseConfigFromEnv } from "@/db/config";

const handle = await openDatabase(databaseConfigFromEnv());
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
