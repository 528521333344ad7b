CREATE TABLE "members"."totp_requirements" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"org_path" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."accounts" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "members"."accounts" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members"."accounts" ADD COLUMN "totp_last_step" bigint;