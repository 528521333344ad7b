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
ALTER TABLE "members"."upload_chunks" ADD CONSTRAINT "upload_chunks_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "members"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_expiry_idx" ON "members"."uploads" USING btree ("expires_at");