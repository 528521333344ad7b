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