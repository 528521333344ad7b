
CREATE TYPE "dues"."bank_transaction_source" AS ENUM('STATEMENT', 'NOTIFICATION');--> statement-breakpoint
CREATE TYPE "dues"."payment_exception_kind" AS ENUM('UNMATCHED', 'PARTIAL', 'OVERPAID', 'ALREADY_PAID', 'MONTH_CLOSED', 'OTHER_ORGANIZATION');--> statement-breakpoint
CREATE TYPE "dues"."payment_exception_resolution" AS ENUM('APPLIED', 'REFUNDED', 'NOT_DUES');--> statement-breakpoint
CREATE TABLE "dues"."bank_statement_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"account_number" text NOT NULL,
	"preset" text NOT NULL,
	"upload_id" uuid,
	"file_name" text NOT NULL,
	"credit_lines" integer NOT NULL,
	"new_lines" integer NOT NULL,
	"matched" integer NOT NULL,
	"exceptions" integer NOT NULL,
	"already_seen" integer NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."bank_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"account_number" text NOT NULL,
	"reference" text NOT NULL,
	"source" "dues"."bank_transaction_source" NOT NULL,
	"import_id" uuid,
	"booked_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"narrative" text NOT NULL,
	"payment_code" text,
	"receipt_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."upload_chunks" (
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "upload_chunks_upload_id_seq_pk" PRIMARY KEY("upload_id","seq")
);
--> statement-breakpoint
CREATE TABLE "dues"."uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"owner_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"file_name" text NOT NULL,
	"declared_bytes" bigint NOT NULL,
	"declared_sha256" text NOT NULL,
	"received_bytes" bigint,
	"detected_type" text,
	"refusal" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "uploads_sha256_hex" CHECK ("dues"."uploads"."declared_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "uploads_declared_positive" CHECK ("dues"."uploads"."declared_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "dues"."notification_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"account_number" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dues"."payment_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" "dues"."payment_exception_kind" NOT NULL,
	"qr_payment_id" uuid,
	"member_id" uuid,
	"expected_amount" bigint,
	"resolution" "dues"."payment_exception_resolution",
	"reason" text,
	"details" jsonb,
	"receipt_id" uuid,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dues"."upload_chunks" ADD CONSTRAINT "upload_chunks_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "dues"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_statement_imports_org_idx" ON "dues"."bank_statement_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_transactions_account_reference_idx" ON "dues"."bank_transactions" USING btree ("account_number","reference");--> statement-breakpoint
CREATE INDEX "bank_transactions_import_idx" ON "dues"."bank_transactions" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "uploads_expiry_idx" ON "dues"."uploads" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_keys_hash_idx" ON "dues"."notification_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_exceptions_transaction_idx" ON "dues"."payment_exceptions" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "payment_exceptions_open_idx" ON "dues"."payment_exceptions" USING btree ("org_path" text_pattern_ops) WHERE "dues"."payment_exceptions"."resolution" is null;
