CREATE TYPE "members"."comment_exemption" AS ENUM('BARRACKS', 'MOBILE_OR_OFFICIAL_HOUSING', 'FULL_TIME_STUDY', 'EXEMPT_FROM_ACTIVITY', 'TEMPORARILY_EXEMPT', 'ABROAD', 'IN_TRANSFER', 'LIVES_WHERE_WORKS');--> statement-breakpoint
CREATE TYPE "members"."comment_purpose" AS ENUM('ANNUAL_REVIEW', 'PERSONNEL', 'AWARD', 'DISCIPLINE', 'OTHER');--> statement-breakpoint
CREATE TYPE "members"."comment_state" AS ENUM('AWAITING_ROUTING', 'AT_COMMUNE', 'AT_CELL', 'ON_PAPER', 'ANSWERED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "members"."comment_campaign_exemptions" (
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" "members"."comment_exemption" NOT NULL,
	CONSTRAINT "comment_campaign_exemptions_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "members"."comment_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"due_on" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."residence_comment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid,
	"member_id" uuid NOT NULL,
	"workplace_org_id" uuid NOT NULL,
	"workplace_path" text NOT NULL,
	"purpose" "members"."comment_purpose" NOT NULL,
	"purpose_note" text,
	"due_on" date NOT NULL,
	"state" "members"."comment_state" NOT NULL,
	"commune_org_id" uuid,
	"commune_path" text,
	"residence_cell_id" uuid,
	"residence_cell_path" text,
	"outside_name" text,
	"outside_address" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"cancel_reason" text,
	"reminded_on" date,
	"overdue_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."residence_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"duties" jsonb,
	"overall" text NOT NULL,
	"supersede_reason" text,
	"paper_received_on" date,
	"scan_file_name" text,
	"given_by" uuid NOT NULL,
	"given_by_name" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "residence_comments_supersede_reason" CHECK (("members"."residence_comments"."sequence" = 1) = ("members"."residence_comments"."supersede_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "members"."comment_campaign_exemptions" ADD CONSTRAINT "comment_campaign_exemptions_campaign_id_comment_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "members"."comment_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."comment_campaign_exemptions" ADD CONSTRAINT "comment_campaign_exemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."residence_comment_requests" ADD CONSTRAINT "residence_comment_requests_campaign_id_comment_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "members"."comment_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."residence_comment_requests" ADD CONSTRAINT "residence_comment_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."residence_comments" ADD CONSTRAINT "residence_comments_request_id_residence_comment_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "members"."residence_comment_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_campaigns_org_year_idx" ON "members"."comment_campaigns" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "comment_campaigns_path_idx" ON "members"."comment_campaigns" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "residence_comment_requests_campaign_member_idx" ON "members"."residence_comment_requests" USING btree ("campaign_id","member_id");--> statement-breakpoint
CREATE INDEX "residence_comment_requests_member_idx" ON "members"."residence_comment_requests" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "residence_comment_requests_workplace_idx" ON "members"."residence_comment_requests" USING btree ("workplace_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residence_comment_requests_cell_idx" ON "members"."residence_comment_requests" USING btree ("residence_cell_id","due_on");--> statement-breakpoint
CREATE INDEX "residence_comment_requests_commune_idx" ON "members"."residence_comment_requests" USING btree ("commune_org_id","due_on");--> statement-breakpoint
CREATE INDEX "residence_comment_requests_open_idx" ON "members"."residence_comment_requests" USING btree ("due_on","id") WHERE "members"."residence_comment_requests"."state" in ('AWAITING_ROUTING', 'AT_COMMUNE', 'AT_CELL', 'ON_PAPER');--> statement-breakpoint
CREATE UNIQUE INDEX "residence_comments_request_sequence_idx" ON "members"."residence_comments" USING btree ("request_id","sequence");--> statement-breakpoint
-- A given comment is never changed or removed, only superseded by a new one (docs/rules/residence-comments.md#never-edited).
CREATE FUNCTION members.refuse_comment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'members.residence_comments is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER residence_comments_append_only BEFORE UPDATE OR DELETE ON members.residence_comments
  FOR EACH ROW EXECUTE FUNCTION members.refuse_comment_change();
