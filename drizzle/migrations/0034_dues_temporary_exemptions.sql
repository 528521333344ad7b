
CREATE TABLE "dues"."temporary_exemptions" (
	"status_change_id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"ended_by_status_change_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "temporary_exemptions_order" CHECK ("dues"."temporary_exemptions"."ends_on" is null or "dues"."temporary_exemptions"."ends_on" >= "dues"."temporary_exemptions"."starts_on")
);
--> statement-breakpoint
CREATE INDEX "temporary_exemptions_member_idx" ON "dues"."temporary_exemptions" USING btree ("member_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "temporary_exemptions_one_open_idx" ON "dues"."temporary_exemptions" USING btree ("member_id") WHERE "dues"."temporary_exemptions"."ends_on" is null;
