-- R10: a host never has two live meetings that overlap in time. Drizzle cannot express
-- EXCLUDE, so this migration is written by hand; later generated migrations leave it be.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_no_overlap"
  EXCLUDE USING gist ("host_user_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("deleted_at" IS NULL);
