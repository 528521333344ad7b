ALTER TABLE "organization"."organizations" ADD COLUMN "rollout_online_from" date;
--> statement-breakpoint
CREATE TYPE "members"."status_change_kind" AS ENUM('EXEMPTION', 'TEMPORARY_EXEMPTION', 'RETURN_TO_ACTIVITY', 'ABROAD', 'REMOVAL', 'EXPULSION', 'DEATH', 'LEFT_SYSTEM');--> statement-breakpoint
CREATE TYPE "members"."status_change_state" AS ENUM('APPLIED', 'RESOLVED', 'REPORTED', 'REJECTED', 'WITHDRAWN', 'DECIDED');--> statement-breakpoint
CREATE TABLE "members"."status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "members"."status_change_kind" NOT NULL,
	"state" "members"."status_change_state" NOT NULL,
	"from_status" "members"."activity_status" NOT NULL,
	"to_status" "members"."activity_status" NOT NULL,
	"org_path" text NOT NULL,
	"reason" text,
	"applied_by" uuid,
	"applied_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_on" date,
	"decision_reference" text,
	"attachment_name" text,
	"reported_by" uuid,
	"reported_on" date,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."status_changes" ADD CONSTRAINT "status_changes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_changes_member_idx" ON "members"."status_changes" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "status_changes_one_open_idx" ON "members"."status_changes" USING btree ("member_id") WHERE "members"."status_changes"."state" = 'APPLIED';