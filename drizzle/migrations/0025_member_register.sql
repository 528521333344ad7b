CREATE TYPE "members"."identity_edit_state" AS ENUM('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "members"."residence_declaration_state" AS ENUM('DECLARED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TABLE "members"."identity_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"state" "members"."identity_edit_state" DEFAULT 'PROPOSED' NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."organization_kinds" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"org_path" text NOT NULL,
	"type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."recognitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"official_on" date NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decision_reference" text NOT NULL,
	"attachment_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members"."residence_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"cell_id" uuid NOT NULL,
	"cell_path" text NOT NULL,
	"commune_path" text NOT NULL,
	"state" "members"."residence_declaration_state" DEFAULT 'DECLARED' NOT NULL,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members"."members" ADD COLUMN "residence_province_code" char(2);--> statement-breakpoint
ALTER TABLE "members"."members" ADD COLUMN "residence_commune_code" char(5);--> statement-breakpoint
ALTER TABLE "members"."members" ADD COLUMN "managing_committee_id" uuid;--> statement-breakpoint
ALTER TABLE "members"."identity_edits" ADD CONSTRAINT "identity_edits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."recognitions" ADD CONSTRAINT "recognitions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."residence_declarations" ADD CONSTRAINT "residence_declarations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_edits_member_idx" ON "members"."identity_edits" USING btree ("member_id","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_edits_one_open_idx" ON "members"."identity_edits" USING btree ("member_id") WHERE "members"."identity_edits"."state" = 'PROPOSED';--> statement-breakpoint
CREATE INDEX "identity_edits_open_path_idx" ON "members"."identity_edits" USING btree ("org_path" text_pattern_ops) WHERE "members"."identity_edits"."state" = 'PROPOSED';--> statement-breakpoint
CREATE INDEX "organization_kinds_path_idx" ON "members"."organization_kinds" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "recognitions_member_idx" ON "members"."recognitions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "residence_declarations_member_idx" ON "members"."residence_declarations" USING btree ("member_id","declared_at");--> statement-breakpoint
CREATE UNIQUE INDEX "residence_declarations_one_open_idx" ON "members"."residence_declarations" USING btree ("member_id") WHERE "members"."residence_declarations"."state" = 'DECLARED';--> statement-breakpoint
CREATE INDEX "residence_declarations_open_commune_idx" ON "members"."residence_declarations" USING btree ("commune_path" text_pattern_ops) WHERE "members"."residence_declarations"."state" = 'DECLARED';--> statement-breakpoint
-- The register learns every organization's kind; from now on organization.typed keeps it.
INSERT INTO "members"."organization_kinds" ("org_id", "org_path", "type") SELECT "id", "path", "type"::text FROM "organization"."organizations";
