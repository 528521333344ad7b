CREATE TYPE "dues"."qr_payment_status" AS ENUM('OPEN', 'SUPERSEDED');--> statement-breakpoint
CREATE TABLE "dues"."collection_accounts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"org_path" text NOT NULL,
	"bank_bin" text NOT NULL,
	"account_number" text NOT NULL,
	"holder_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."organizations" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"type" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."month_closes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"period" date NOT NULL,
	"obligation_count" integer NOT NULL,
	"paid_count" integer NOT NULL,
	"amount_due" bigint NOT NULL,
	"amount_collected" bigint NOT NULL,
	"amount_kept" bigint NOT NULL,
	"amount_remitted" bigint NOT NULL,
	"remittance_rule" text NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."qr_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"member_id" uuid NOT NULL,
	"months" date[] NOT NULL,
	"months_key" text NOT NULL,
	"amount" bigint NOT NULL,
	"collecting_org_id" uuid NOT NULL,
	"bank_bin" text NOT NULL,
	"account_number" text NOT NULL,
	"holder_name" text NOT NULL,
	"status" "dues"."qr_payment_status" DEFAULT 'OPEN' NOT NULL,
	"prepared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dues_organizations_path_idx" ON "dues"."organizations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "month_closes_org_period_idx" ON "dues"."month_closes" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "month_closes_path_idx" ON "dues"."month_closes" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "qr_payments_code_idx" ON "dues"."qr_payments" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "qr_payments_open_idx" ON "dues"."qr_payments" USING btree ("member_id","months_key") WHERE "dues"."qr_payments"."status" = 'OPEN';--> statement-breakpoint
CREATE UNIQUE INDEX "relief_decisions_member_reference_idx" ON "dues"."relief_decisions" USING btree ("member_id","reference");--> statement-breakpoint
-- The accounts set before the organization subgraph announced them: the dues subgraph's copy starts from them.
INSERT INTO "dues"."collection_accounts" ("org_id", "org_path", "bank_bin", "account_number", "holder_name", "updated_at")
SELECT a."org_id", o."path", a."bank_bin", a."account_number", a."holder_name", a."updated_at"
FROM "organization"."bank_accounts" a JOIN "organization"."organizations" o ON o."id" = a."org_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The organizations as they stand before the organization subgraph announced them.
INSERT INTO "dues"."organizations" ("org_id", "path", "type")
SELECT "id", "path", "type"::text FROM "organization"."organizations"
ON CONFLICT DO NOTHING;
