CREATE TYPE "members"."session_end_reason" AS ENUM('LOGOUT', 'ACCOUNT_LOCKED', 'ACCOUNT_REVOKED', 'ACCOUNT_REISSUED', 'PASSWORD_CHANGED', 'REFRESH_REUSED');--> statement-breakpoint
CREATE TYPE "members"."sign_in_attempt_kind" AS ENUM('PASSWORD', 'SECOND_FACTOR', 'ACTIVATION');--> statement-breakpoint
CREATE TABLE "members"."refresh_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "members"."sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"second_factor" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" "members"."session_end_reason"
);
--> statement-breakpoint
CREATE TABLE "members"."sign_in_windows" (
	"username" text NOT NULL,
	"kind" "members"."sign_in_attempt_kind" NOT NULL,
	"attempts" integer NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_windows_username_kind_pk" PRIMARY KEY("username","kind")
);
--> statement-breakpoint
ALTER TABLE "members"."refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "members"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "members"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refresh_tokens_session_idx" ON "members"."refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "sessions_open_idx" ON "members"."sessions" USING btree ("account_id") WHERE "members"."sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "sign_in_windows_ends_idx" ON "members"."sign_in_windows" USING btree ("ends_at");