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