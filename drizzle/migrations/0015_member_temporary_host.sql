ALTER TABLE "members"."members" ADD COLUMN "temporary_host_org_id" uuid;--> statement-breakpoint
ALTER TABLE "members"."members" ADD COLUMN "temporary_host_until" date;--> statement-breakpoint
ALTER TABLE "members"."members" ADD CONSTRAINT "members_temporary_host_until" CHECK (("members"."members"."temporary_host_org_id" is null) = ("members"."members"."temporary_host_until" is null));