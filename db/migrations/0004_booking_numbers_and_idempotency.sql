CREATE TABLE "idempotency_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"refusal" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key"),
	CONSTRAINT "idempotency_keys_key_check" CHECK (length("idempotency_keys"."key") between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "write_probes" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "write_probes" CASCADE;--> statement-breakpoint
DROP INDEX "meetings_rotation_host_created_idx";--> statement-breakpoint
ALTER TABLE "rotation_members" ADD COLUMN "last_scheduled_seq" integer;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "booking_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "rotation_seq" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "meetings_idempotency_idx" ON "meetings" USING btree ("booked_by_user_id","idempotency_key") WHERE "meetings"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_rotation_seq_key" ON "meetings" USING btree ("rotation_id","rotation_seq");--> statement-breakpoint
CREATE INDEX "meetings_rotation_host_seq_idx" ON "meetings" USING btree ("rotation_id","host_user_id","rotation_seq") WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
-- Number the bookings already made, per rotation in creation order, and carry the numbers to
-- the rotations and their members, so recency (R8) orders exactly as it did by time.
UPDATE "meetings" AS m SET "rotation_seq" = numbered.seq
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "rotation_id" ORDER BY "created_at", "id")::int AS seq
  FROM "meetings" WHERE "rotation_id" IS NOT NULL
) AS numbered
WHERE m."id" = numbered."id";--> statement-breakpoint
UPDATE "rotations" AS r SET "booking_seq" = coalesce((SELECT max("rotation_seq") FROM "meetings" WHERE "rotation_id" = r."id"), 0);--> statement-breakpoint
UPDATE "rotation_members" AS rm SET "last_scheduled_seq" = (
  SELECT max("rotation_seq") FROM "meetings"
  WHERE "rotation_id" = rm."rotation_id" AND "host_user_id" = rm."user_id" AND "deleted_at" IS NULL
);
