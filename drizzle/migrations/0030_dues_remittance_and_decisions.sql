
CREATE TYPE "dues"."month_adjustment_kind" AS ENUM('LATE_PAYMENT', 'CORRECTION');--> statement-breakpoint
CREATE TYPE "dues"."remittance_state" AS ENUM('SUBMITTED', 'CONFIRMED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "dues"."voluntary_amount_state" AS ENUM('PROPOSED', 'APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "dues"."month_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"period" date NOT NULL,
	"kind" "dues"."month_adjustment_kind" NOT NULL,
	"amount" bigint NOT NULL,
	"amount_kept" bigint NOT NULL,
	"amount_remitted" bigint NOT NULL,
	"reason" text NOT NULL,
	"carried_by" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "month_adjustments_nonzero" CHECK ("dues"."month_adjustments"."amount" <> 0),
	CONSTRAINT "month_adjustments_split" CHECK ("dues"."month_adjustments"."amount_kept" + "dues"."month_adjustments"."amount_remitted" = "dues"."month_adjustments"."amount")
);
--> statement-breakpoint
CREATE TABLE "dues"."remittances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"superior_org_id" uuid NOT NULL,
	"period" date NOT NULL,
	"state" "dues"."remittance_state" NOT NULL,
	"amount_from_close" bigint NOT NULL,
	"amount_from_adjustments" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"transfer_reference" text NOT NULL,
	"transferred_on" date NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text
);
--> statement-breakpoint
CREATE TABLE "dues"."voluntary_amounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"decider_org_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"from_month" date NOT NULL,
	"request" text NOT NULL,
	"state" "dues"."voluntary_amount_state" DEFAULT 'PROPOSED' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "voluntary_amounts_positive" CHECK ("dues"."voluntary_amounts"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX "month_adjustments_org_period_idx" ON "dues"."month_adjustments" USING btree ("org_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "remittances_org_period_idx" ON "dues"."remittances" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "remittances_superior_idx" ON "dues"."remittances" USING btree ("superior_org_id","state");--> statement-breakpoint
CREATE INDEX "voluntary_amounts_member_idx" ON "dues"."voluntary_amounts" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "voluntary_amounts_decider_idx" ON "dues"."voluntary_amounts" USING btree ("decider_org_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "voluntary_amounts_pending_idx" ON "dues"."voluntary_amounts" USING btree ("member_id") WHERE "dues"."voluntary_amounts"."state" = 'PROPOSED';
