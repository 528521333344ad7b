CREATE TABLE "members"."monthly_figures" (
	"month" char(7) NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"definition" integer NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"members" integer NOT NULL,
	"in_scope" integer NOT NULL,
	"out_exempt" integer NOT NULL,
	"out_abroad" integer NOT NULL,
	"out_organization_excluded" integer NOT NULL,
	"out_not_yet_online" integer NOT NULL,
	"accounts_issued" integer NOT NULL,
	"accounts_activated" integer NOT NULL,
	"accounts_used_30_days" integer NOT NULL,
	"comments_requested" integer NOT NULL,
	"comments_answered" integer NOT NULL,
	"comments_overdue" integer NOT NULL,
	CONSTRAINT "monthly_figures_month_org_id_pk" PRIMARY KEY("month","org_id")
);
--> statement-breakpoint
CREATE TABLE "members"."rollout_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"org_path" text NOT NULL,
	"in_rollout_scope" boolean NOT NULL,
	"rollout_online_from" date
);
--> statement-breakpoint
CREATE INDEX "monthly_figures_path_idx" ON "members"."monthly_figures" USING btree ("month","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "rollout_settings_path_idx" ON "members"."rollout_settings" USING btree ("org_path" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "dues"."monthly_figures" (
	"month" char(7) NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"definition" integer NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"obligations" integer NOT NULL,
	"expected" bigint NOT NULL,
	"collected_online" bigint NOT NULL,
	"collected_cash" bigint NOT NULL,
	"collected_prepaid" bigint NOT NULL,
	"settled" integer NOT NULL,
	"members_two_unpaid" integer NOT NULL,
	"members_three_unpaid" integer NOT NULL,
	CONSTRAINT "monthly_figures_month_org_id_pk" PRIMARY KEY("month","org_id")
);
--> statement-breakpoint
CREATE INDEX "dues_monthly_figures_path_idx" ON "dues"."monthly_figures" USING btree ("month","org_path" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "organization"."monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"late" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization"."monthly_reports" ADD CONSTRAINT "monthly_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "organization"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_org_month_idx" ON "organization"."monthly_reports" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_month_path_idx" ON "organization"."monthly_reports" USING btree ("month","org_path" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "transfers"."monthly_figures" (
	"month" char(7) NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"definition" integer NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"official_received" integer NOT NULL,
	"official_completed" integer NOT NULL,
	"official_on_time" integer NOT NULL,
	"official_overdue" integer NOT NULL,
	"official_completed_online" integer NOT NULL,
	"temporary_received" integer NOT NULL,
	"temporary_completed" integer NOT NULL,
	"temporary_on_time" integer NOT NULL,
	"temporary_overdue" integer NOT NULL,
	"temporary_completed_online" integer NOT NULL,
	CONSTRAINT "monthly_figures_month_org_id_pk" PRIMARY KEY("month","org_id")
);
--> statement-breakpoint
CREATE INDEX "transfers_monthly_figures_path_idx" ON "transfers"."monthly_figures" USING btree ("month","org_path" text_pattern_ops);