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