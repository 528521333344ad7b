CREATE SCHEMA "organization";
--> statement-breakpoint
CREATE SCHEMA "members";
--> statement-breakpoint
CREATE SCHEMA "dues";
--> statement-breakpoint
CREATE SCHEMA "transfers";
--> statement-breakpoint
CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE SCHEMA "outbox";
--> statement-breakpoint
CREATE TYPE "organization"."org_type" AS ENUM('CENTRAL', 'CENTRAL_DIRECT_COMMITTEE', 'PROVINCIAL', 'PROVINCE_SUBORDINATE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL', 'PARTIAL_COMMITTEE', 'SUBORDINATE_CELL', 'PARTY_GROUP', 'OVERSEAS');--> statement-breakpoint
CREATE TYPE "members"."account_status" AS ENUM('PENDING', 'ACTIVE', 'LOCKED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "members"."activity_status" AS ENUM('ACTIVE', 'EXEMPT', 'TEMP_EXEMPT', 'TEMP_AWAY', 'ABROAD', 'IN_TRANSFER', 'REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT');--> statement-breakpoint
CREATE TYPE "members"."dues_category" AS ENUM('SOCIAL_INSURANCE_SALARY', 'SOCIAL_INSURANCE_BENEFIT', 'PENSION', 'STUDENT', 'NO_INCOME_BELOW_RETIREMENT_AGE', 'NO_INCOME_RETIREMENT_AGE', 'ABROAD_ALLOWANCE', 'ABROAD_OTHER');--> statement-breakpoint
CREATE TYPE "members"."gender" AS ENUM('MALE', 'FEMALE');--> statement-breakpoint
CREATE TYPE "members"."membership_kind" AS ENUM('PROBATIONARY', 'OFFICIAL');--> statement-breakpoint
CREATE TYPE "members"."role" AS ENUM('SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST');--> statement-breakpoint
CREATE TYPE "dues"."obligation_status" AS ENUM('DUE', 'PAID_ONLINE', 'PAID_CASH', 'WAIVED', 'REDUCED', 'DEFERRED', 'PREPAID', 'OVERDUE');--> statement-breakpoint
CREATE TYPE "transfers"."transfer_kind" AS ENUM('OFFICIAL', 'TEMPORARY');--> statement-breakpoint
CREATE TYPE "transfers"."transfer_state" AS ENUM('DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'LETTER_ISSUED', 'IN_TRANSIT', 'OVERDUE', 'RECEIVED', 'HOSTED', 'EXTENDED', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "organization"."organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" "organization"."org_type" NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"in_rollout_scope" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "members"."accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"username" text NOT NULL,
	"password_hash" text,
	"status" "members"."account_status" DEFAULT 'PENDING' NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_member_id_unique" UNIQUE("member_id"),
	CONSTRAINT "accounts_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "members"."members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"gender" "members"."gender" NOT NULL,
	"birth_date" date NOT NULL,
	"citizen_id" char(12) NOT NULL,
	"ethnicity" text NOT NULL,
	"hometown" text NOT NULL,
	"residence_address" text NOT NULL,
	"residence_org_id" uuid,
	"workplace" text,
	"position" text,
	"phone" text,
	"joined_on" date NOT NULL,
	"official_on" date,
	"card_number" text,
	"dossier_number" text,
	"roster_number" integer,
	"membership_kind" "members"."membership_kind" NOT NULL,
	"activity_status" "members"."activity_status" DEFAULT 'ACTIVE' NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"dues_category" "members"."dues_category" NOT NULL,
	"dues_basis" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_citizen_id_digits" CHECK ("members"."members"."citizen_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "members_official_after_probation" CHECK ("members"."members"."official_on" is null or "members"."members"."official_on" >= "members"."members"."joined_on" + interval '12 months')
);
--> statement-breakpoint
CREATE TABLE "members"."role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"role" "members"."role" NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date
);
--> statement-breakpoint
CREATE TABLE "dues"."obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"period" date NOT NULL,
	"amount" bigint NOT NULL,
	"status" "dues"."obligation_status" DEFAULT 'DUE' NOT NULL,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "transfers"."transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "transfers"."transfer_kind" NOT NULL,
	"state" "transfers"."transfer_state" DEFAULT 'DRAFT' NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid,
	"reason" text NOT NULL,
	"effective_on" date NOT NULL,
	"planned_end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit"."entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit"."entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"on_behalf_of" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"prev_hash" text,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox"."events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox"."events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organization"."organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "organization"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."accounts" ADD CONSTRAINT "accounts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members"."role_grants" ADD CONSTRAINT "role_grants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "members"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_path_idx" ON "organization"."organizations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organization"."organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_citizen_id_idx" ON "members"."members" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_number_idx" ON "members"."members" USING btree ("card_number");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members"."members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "members_org_path_idx" ON "members"."members" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "role_grants_member_idx" ON "members"."role_grants" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "role_grants_org_idx" ON "members"."role_grants" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "obligations_member_period_idx" ON "dues"."obligations" USING btree ("member_id","period");--> statement-breakpoint
CREATE INDEX "obligations_org_period_idx" ON "dues"."obligations" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "transfers_member_idx" ON "transfers"."transfers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "transfers_from_org_idx" ON "transfers"."transfers" USING btree ("from_org_id");--> statement-breakpoint
CREATE INDEX "entries_entity_idx" ON "audit"."entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "events_unpublished_idx" ON "outbox"."events" USING btree ("id") WHERE "outbox"."events"."published_at" is null;