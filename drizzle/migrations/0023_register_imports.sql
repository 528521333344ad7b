CREATE TYPE "members"."insurance_reconciliation_status" AS ENUM('READY', 'REFUSED', 'APPLIED');--> statement-breakpoint
CREATE TYPE "members"."insurance_row_kind" AS ENUM('CHANGED', 'UNCHANGED', 'NOT_FOUND', 'INVALID');--> statement-breakpoint
CREATE TYPE "members"."register_import_row_kind" AS ENUM('PENDING', 'NEW', 'CHANGED', 'UNCHANGED', 'MISSING', 'DUPLICATE', 'INVALID');--> statement-breakpoint
CREATE TYPE "members"."register_import_status" AS ENUM('ANALYSING', 'READY', 'REFUSED', 'APPLIED');--> statement-breakpoint
CREATE TABLE "members"."upload_chunks" (
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "upload_chunks_upload_id_seq_pk" PRIMARY KEY("upload_id","seq")
);
--> statement-breakpoint
CREATE TABLE "members"."uploads" (
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
	CONSTRAINT "uploads_sha256_hex" CHECK ("members"."uploads"."declared_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "uploads_declared_positive" CHECK ("members"."uploads"."declared_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "members"."insurance_reconciliation_rows" (
	"reconciliation_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"kind" "members"."insurance_row_kind" NOT NULL,
	"citizen_id" text,
	"member_id" uuid,
	"insured_salary" bigint,
	"basis_before" bigint,
	"category_before" text,
	"dues_before" bigint,
	"dues_after" bigint,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "insurance_reconciliation_rows_reconciliation_id_row_number_pk" PRIMARY KEY("reconciliation_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "members"."insurance_reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"upload_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_by" uuid NOT NULL,
	"status" "members"."insurance_reconciliation_status" NOT NULL,
	"month" text NOT NULL,
	"file_errors" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "insurance_reconciliations_upload_id_unique" UNIQUE("upload_id")
);
--> statement-breakpoint
CREATE TABLE "members"."register_import_rows" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"kind" "members"."register_import_row_kind" NOT NULL,
	"citizen_id" text,
	"record" jsonb,
	"member_id" uuid,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	CONSTRAINT "register_import_rows_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "members"."register_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"upload_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_by" uuid NOT NULL,
	"status" "members"."register_import_status" DEFAULT 'ANALYSING' NOT NULL,
	"columns" text[] NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"file_errors" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "register_imports_upload_id_unique" UNIQUE("upload_id")
);
--> statement-breakpoint
ALTER TABLE "members"."upload_chunks" ADD CONSTRAINT "upload_chunks_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "members"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."insurance_reconciliation_rows" ADD CONSTRAINT "insurance_reconciliation_rows_reconciliation_id_insurance_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "members"."insurance_reconciliations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."insurance_reconciliations" ADD CONSTRAINT "insurance_reconciliations_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "members"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."register_import_rows" ADD CONSTRAINT "register_import_rows_import_id_register_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "members"."register_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."register_imports" ADD CONSTRAINT "register_imports_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "members"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_expiry_idx" ON "members"."uploads" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "register_import_rows_kind_idx" ON "members"."register_import_rows" USING btree ("import_id","kind","row_number");--> statement-breakpoint
CREATE INDEX "members_birth_date_idx" ON "members"."members" USING btree ("birth_date");