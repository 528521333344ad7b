CREATE TYPE "members"."partner_status" AS ENUM('ACTIVE', 'REVOKED');--> statement-breakpoint
CREATE TABLE "members"."partner_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"status" "members"."partner_status" DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."accounts" ADD COLUMN "activation_code_hash" text;--> statement-breakpoint
ALTER TABLE "members"."accounts" ADD COLUMN "activation_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_one_secretary_idx" ON "members"."role_grants" USING btree ("org_id","role") WHERE "members"."role_grants"."ends_on" is null and "members"."role_grants"."role" in ('SECRETARY', 'FINANCE_MEMBER');