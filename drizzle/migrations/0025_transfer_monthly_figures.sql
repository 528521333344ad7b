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