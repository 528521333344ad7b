CREATE TABLE "organization"."bank_accounts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"bank_bin" text NOT NULL,
	"account_number" text NOT NULL,
	"holder_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "organization"."member_counts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"members" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization"."organization_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organization"."organization_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "organization"."org_type" NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "outbox"."deliveries" (
	"consumer" text NOT NULL,
	"event_id" bigint NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
DROP INDEX "outbox"."events_unpublished_idx";--> statement-breakpoint
DROP INDEX "audit"."entries_entity_idx";--> statement-breakpoint
ALTER TABLE "organization"."organizations" ADD COLUMN "dissolved_on" date;--> statement-breakpoint
ALTER TABLE "organization"."organizations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."entries" ADD COLUMN "org_path" text;--> statement-breakpoint
ALTER TABLE "audit"."entries" ADD COLUMN "subject_member_id" uuid;--> statement-breakpoint
ALTER TABLE "organization"."bank_accounts" ADD CONSTRAINT "bank_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "organization"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization"."member_counts" ADD CONSTRAINT "member_counts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "organization"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization"."organization_versions" ADD CONSTRAINT "organization_versions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "organization"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox"."deliveries" ADD CONSTRAINT "deliveries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "outbox"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_versions_org_idx" ON "organization"."organization_versions" USING btree ("org_id","valid_from");--> statement-breakpoint
CREATE INDEX "entries_subject_idx" ON "audit"."entries" USING btree ("subject_member_id");--> statement-breakpoint
CREATE INDEX "events_topic_idx" ON "outbox"."events" USING btree ("topic","id");--> statement-breakpoint
CREATE INDEX "entries_entity_idx" ON "audit"."entries" USING btree ("entity_id");--> statement-breakpoint
ALTER TABLE "outbox"."events" DROP COLUMN "published_at";