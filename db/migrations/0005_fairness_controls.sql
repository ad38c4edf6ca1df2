CREATE TABLE "count_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rotation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"generation" integer NOT NULL,
	"delta" integer NOT NULL,
	"cause" text NOT NULL,
	"meeting_id" uuid,
	"counts_at" timestamp with time zone NOT NULL,
	"actor_user_id" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "count_entries_delta_check" CHECK ("count_entries"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "out_of_office_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "out_of_office_time_order_check" CHECK ("out_of_office_periods"."ends_at" > "out_of_office_periods"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "unavailable_periods" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rotation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "rotation_members" DROP CONSTRAINT "rotation_members_count_check";--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "count_window" text DEFAULT 'since_reset' NOT NULL;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "newcomer_policy" text DEFAULT 'reset_everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "return_policy" text DEFAULT 'catch_up' NOT NULL;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "count_no_shows" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "daily_cap" integer;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "weekly_cap" integer;--> statement-breakpoint
ALTER TABLE "rotations" ADD COLUMN "monthly_cap" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "counted_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "outcome_marked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "outcome_marked_by_user_id" text;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "count_entries" ADD CONSTRAINT "count_entries_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_office_periods" ADD CONSTRAINT "out_of_office_periods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_office_periods" ADD CONSTRAINT "out_of_office_periods_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unavailable_periods" ADD CONSTRAINT "unavailable_periods_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unavailable_periods" ADD CONSTRAINT "unavailable_periods_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "count_entries_window_idx" ON "count_entries" USING btree ("rotation_id","generation","counts_at");--> statement-breakpoint
CREATE INDEX "count_entries_member_idx" ON "count_entries" USING btree ("rotation_id","user_id","id");--> statement-breakpoint
CREATE INDEX "count_entries_meeting_idx" ON "count_entries" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "out_of_office_user_ends_idx" ON "out_of_office_periods" USING btree ("user_id","ends_at");--> statement-breakpoint
CREATE INDEX "unavailable_periods_member_idx" ON "unavailable_periods" USING btree ("rotation_id","user_id","ended_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_outcome_marked_by_user_id_users_id_fk" FOREIGN KEY ("outcome_marked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_rotation_starts_idx" ON "meetings" USING btree ("rotation_id","starts_at") WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "meetings_rotation_counted_idx" ON "meetings" USING btree ("rotation_id","counted_at") WHERE "meetings"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_caps_check" CHECK (coalesce("rotations"."daily_cap", 1) >= 1 and coalesce("rotations"."weekly_cap", 1) >= 1 and coalesce("rotations"."monthly_cap", 1) >= 1);--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_outcome_check" CHECK ("meetings"."outcome" is null or "meetings"."outcome" in ('completed', 'no_show', 'canceled_by_contact'));--> statement-breakpoint
-- A meeting counts from its booking until it is reassigned (R19).
UPDATE "meetings" SET "counted_at" = "created_at";--> statement-breakpoint
-- Open the ledger (R13) with what the counts were made of: +1 per rotation meeting, and its
-- undoing for those deleted since, each in the generation it was booked in.
INSERT INTO "count_entries" ("rotation_id", "user_id", "generation", "delta", "cause", "meeting_id", "counts_at", "created_at")
SELECT "rotation_id", "host_user_id", "rotation_generation", 1, 'meeting', "id", "created_at", "created_at"
FROM "meetings" WHERE "rotation_id" IS NOT NULL AND "rotation_generation" IS NOT NULL;--> statement-breakpoint
INSERT INTO "count_entries" ("rotation_id", "user_id", "generation", "delta", "cause", "meeting_id", "counts_at", "actor_user_id", "created_at")
SELECT "rotation_id", "host_user_id", "rotation_generation", -1, 'meeting_deleted', "id", "created_at", "deleted_by_user_id", "deleted_at"
FROM "meetings" WHERE "rotation_id" IS NOT NULL AND "rotation_generation" IS NOT NULL AND "deleted_at" IS NOT NULL;--> statement-breakpoint
-- Members switched off now are in an unavailable period that started at an unknown time:
-- it starts at this migration, so keep level (R16) never calibrates for time before it.
INSERT INTO "unavailable_periods" ("rotation_id", "user_id") SELECT "rotation_id", "user_id" FROM "rotation_members" WHERE NOT "available";
