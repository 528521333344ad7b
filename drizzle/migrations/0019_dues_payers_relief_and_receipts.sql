CREATE TYPE "dues"."payer_category" AS ENUM('SOCIAL_INSURANCE_SALARY', 'SOCIAL_INSURANCE_BENEFIT', 'PENSION', 'STUDENT', 'NO_INCOME_BELOW_RETIREMENT_AGE', 'NO_INCOME_RETIREMENT_AGE', 'ABROAD_ALLOWANCE', 'ABROAD_OTHER');--> statement-breakpoint
CREATE TYPE "dues"."payer_sex" AS ENUM('MALE', 'FEMALE');--> statement-breakpoint
CREATE TYPE "dues"."relief_ground" AS ENUM('PARTY_AGE_50', 'SOCIAL_PENSION_ALLOWANCE', 'SPECIAL_HARDSHIP', 'OTHER_HARDSHIP');--> statement-breakpoint
CREATE TYPE "dues"."relief_kind" AS ENUM('WAIVER', 'REDUCTION');--> statement-breakpoint
CREATE TYPE "dues"."wage_region" AS ENUM('REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV');--> statement-breakpoint
CREATE TABLE "dues"."org_wage_regions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"region" "dues"."wage_region" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."payers" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"category" "dues"."payer_category" NOT NULL,
	"basis" bigint,
	"birth_date" date,
	"sex" "dues"."payer_sex",
	"collects_from" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."relief_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "dues"."relief_kind" NOT NULL,
	"ground" "dues"."relief_ground" NOT NULL,
	"percent" integer,
	"from_month" date NOT NULL,
	"until_month" date,
	"decided_by_org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"decided_on" date NOT NULL,
	"application_reference" text,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_decisions_percent" CHECK (("dues"."relief_decisions"."kind" = 'WAIVER' and "dues"."relief_decisions"."percent" is null) or ("dues"."relief_decisions"."kind" = 'REDUCTION' and "dues"."relief_decisions"."percent" in (30, 50, 70))),
	CONSTRAINT "relief_decisions_order" CHECK ("dues"."relief_decisions"."until_month" is null or "dues"."relief_decisions"."until_month" >= "dues"."relief_decisions"."from_month"),
	CONSTRAINT "relief_decisions_reduction_months" CHECK ("dues"."relief_decisions"."kind" = 'WAIVER' or ("dues"."relief_decisions"."until_month" is not null and "dues"."relief_decisions"."until_month" < "dues"."relief_decisions"."from_month" + interval '12 months'))
);
--> statement-breakpoint
ALTER TABLE "dues"."obligations" ADD COLUMN "rated_amount" bigint;--> statement-breakpoint
ALTER TABLE "dues"."obligations" ADD COLUMN "calculation" text;--> statement-breakpoint
ALTER TABLE "dues"."obligations" ADD COLUMN "relief_decision_id" uuid;--> statement-breakpoint
CREATE INDEX "payers_org_path_idx" ON "dues"."payers" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "relief_decisions_member_idx" ON "dues"."relief_decisions" USING btree ("member_id","from_month");--> statement-breakpoint
-- The roll of payers starts from the register as it stands (docs/rules/dues-obligations.md#who-pays): a one-time
-- copy made by the tables' owner; from here on the dues subgraph keeps it. Members in a terminal state pay nothing.
INSERT INTO "dues"."payers" ("member_id", "org_id", "org_path", "category", "basis", "birth_date", "sex", "collects_from")
SELECT "id", "org_id", "org_path", "dues_category"::text::"dues"."payer_category", "dues_basis", "birth_date", "gender"::text::"dues"."payer_sex",
       date_trunc('month', "joined_on")::date
FROM "members"."members"
WHERE "activity_status" NOT IN ('REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT')
ON CONFLICT DO NOTHING;

--> statement-breakpoint
CREATE TABLE "dues"."receipt_counters" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"months" date[] NOT NULL,
	"method" "dues"."obligation_status" NOT NULL,
	"received_by" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dues"."obligations" ADD COLUMN "receipt_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_counters_org_year_idx" ON "dues"."receipt_counters" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_org_year_number_idx" ON "dues"."receipts" USING btree ("org_id","year","number");--> statement-breakpoint
CREATE INDEX "receipts_member_idx" ON "dues"."receipts" USING btree ("member_id");