ALTER TABLE "members"."accounts" DROP COLUMN "failed_attempts";--> statement-breakpoint
ALTER TABLE "members"."accounts" DROP COLUMN "locked_until";