ALTER TYPE "members"."role" ADD VALUE 'PROCESSING_OFFICER';--> statement-breakpoint
ALTER TYPE "members"."role" ADD VALUE 'SUPPORT_TEAM';