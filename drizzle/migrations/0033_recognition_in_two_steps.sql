
CREATE TYPE "members"."recognition_state" AS ENUM('PROPOSED', 'APPROVED', 'REJECTED');--> statement-breakpoint
DROP INDEX "members"."recognitions_member_idx";--> statement-breakpoint
ALTER TABLE "members"."recognitions" ALTER COLUMN "official_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ALTER COLUMN "decided_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ALTER COLUMN "decided_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ALTER COLUMN "decision_reference" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "state" "members"."recognition_state" DEFAULT 'PROPOSED' NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "resolution_on" date;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "resolution_reference" text;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "resolution_attachment_name" text;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "recognitions_live_member_idx" ON "members"."recognitions" USING btree ("member_id") WHERE "members"."recognitions"."state" in ('PROPOSED', 'APPROVED');--> statement-breakpoint
-- Recognitions recorded before the two steps were decisions already: they stay recognized.
UPDATE "members"."recognitions" SET "state" = 'APPROVED';

