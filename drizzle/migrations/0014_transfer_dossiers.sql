CREATE TYPE "transfers"."issuing_route" AS ENUM('INTERNAL', 'SUPERIOR', 'PROVINCIAL_COMMISSION');--> statement-breakpoint
CREATE TABLE "transfers"."signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "transfers"."transfer_handovers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers"."transfer_handovers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transfer_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"place" text
);
--> statement-breakpoint
CREATE TABLE "transfers"."transfer_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"dues_paid_through" text,
	"valid_until" date NOT NULL,
	"facts" jsonb NOT NULL,
	"voided_on" date,
	"void_reason" text,
	"police_confirmation" text,
	"replaces_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_letters_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "transfers"."transfer_registers" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"register" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "transfer_registers_org_id_year_register_pk" PRIMARY KEY("org_id","year","register"),
	CONSTRAINT "transfer_registers_kind" CHECK ("transfers"."transfer_registers"."register" in ('DOSSIER', 'LETTER'))
);
--> statement-breakpoint
CREATE TABLE "transfers"."transfer_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers"."transfer_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transfer_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" "transfers"."transfer_state",
	"to_state" "transfers"."transfer_state" NOT NULL,
	"actor_id" uuid,
	"on_behalf_of" uuid,
	"at" timestamp with time zone NOT NULL,
	"decision" jsonb NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	"key_id" uuid,
	"signature" text
);
--> statement-breakpoint
ALTER TABLE "transfers"."transfer_steps" ALTER COLUMN "from_state" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "transfers"."transfer_steps" ALTER COLUMN "to_state" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ALTER COLUMN "state" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ALTER COLUMN "state" SET DEFAULT 'DRAFT'::text;--> statement-breakpoint
DROP TYPE "transfers"."transfer_state";--> statement-breakpoint
CREATE TYPE "transfers"."transfer_state" AS ENUM('DRAFT', 'SUBMITTED', 'RETURNED_FOR_COMPLETION', 'REVIEWED', 'LETTER_ISSUED', 'IN_TRANSIT', 'OVERDUE', 'RECEIVED', 'HOSTED', 'EXTENDED', 'COMPLETED', 'CANCELLED', 'ENDED', 'REJECTED', 'REFUSED');--> statement-breakpoint
ALTER TABLE "transfers"."transfer_steps" ALTER COLUMN "from_state" SET DATA TYPE "transfers"."transfer_state" USING "from_state"::"transfers"."transfer_state";--> statement-breakpoint
ALTER TABLE "transfers"."transfer_steps" ALTER COLUMN "to_state" SET DATA TYPE "transfers"."transfer_state" USING "to_state"::"transfers"."transfer_state";--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ALTER COLUMN "state" SET DEFAULT 'DRAFT'::"transfers"."transfer_state";--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ALTER COLUMN "state" SET DATA TYPE "transfers"."transfer_state" USING "state"::"transfers"."transfer_state";--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "member_name" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "origin_path" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "origin_code" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "origin_name" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "grassroots_org_id" uuid;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "route" "transfers"."issuing_route";--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "issuer_org_id" uuid;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "issuer_path" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "issuer_code" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "issuer_name" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "destination_path" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "destination_code" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "destination_name" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "receiving_root_path" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "outside_name" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "outside_address" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "decision_reference" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "full_time_study" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "self_review" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "last_step_on" date;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "escalated_on" date;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "escalation_path" text;--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD COLUMN "start_overdue_on" date;--> statement-breakpoint
ALTER TABLE "transfers"."transfer_handovers" ADD CONSTRAINT "transfer_handovers_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "transfers"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers"."transfer_handovers" ADD CONSTRAINT "transfer_handovers_letter_id_transfer_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "transfers"."transfer_letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers"."transfer_letters" ADD CONSTRAINT "transfer_letters_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "transfers"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers"."transfer_steps" ADD CONSTRAINT "transfer_steps_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "transfers"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_active_idx" ON "transfers"."signing_keys" USING btree ("person_id") WHERE "transfers"."signing_keys"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "transfer_handovers_transfer_idx" ON "transfers"."transfer_handovers" USING btree ("transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_letters_register_idx" ON "transfers"."transfer_letters" USING btree ("issuer_org_id","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_letters_current_idx" ON "transfers"."transfer_letters" USING btree ("transfer_id") WHERE "transfers"."transfer_letters"."voided_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_steps_sequence_idx" ON "transfers"."transfer_steps" USING btree ("transfer_id","sequence");--> statement-breakpoint
CREATE INDEX "transfers_origin_path_idx" ON "transfers"."transfers" USING btree ("origin_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "transfers_issuer_path_idx" ON "transfers"."transfers" USING btree ("issuer_path");--> statement-breakpoint
CREATE INDEX "transfers_destination_path_idx" ON "transfers"."transfers" USING btree ("destination_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "transfers_escalation_path_idx" ON "transfers"."transfers" USING btree ("escalation_path");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_one_open_per_member_idx" ON "transfers"."transfers" USING btree ("member_id") WHERE "transfers"."transfers"."code" is not null and "transfers"."transfers"."state" not in ('COMPLETED', 'ENDED', 'REJECTED', 'REFUSED', 'CANCELLED');--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD CONSTRAINT "transfers_code_unique" UNIQUE("code");--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD CONSTRAINT "transfers_routed" CHECK ("transfers"."transfers"."code" is null or ("transfers"."transfers"."member_name" is not null and "transfers"."transfers"."origin_path" is not null and "transfers"."transfers"."origin_code" is not null and "transfers"."transfers"."grassroots_org_id" is not null
        and "transfers"."transfers"."route" is not null and "transfers"."transfers"."issuer_org_id" is not null and "transfers"."transfers"."issuer_path" is not null and "transfers"."transfers"."last_step_on" is not null
        and (("transfers"."transfers"."to_org_id" is not null and "transfers"."transfers"."destination_path" is not null and "transfers"."transfers"."receiving_root_path" is not null and "transfers"."transfers"."outside_name" is null)
          or ("transfers"."transfers"."to_org_id" is null and "transfers"."transfers"."outside_name" is not null and "transfers"."transfers"."outside_address" is not null))));--> statement-breakpoint
ALTER TABLE "transfers"."transfers" ADD CONSTRAINT "transfers_temporary_has_end" CHECK ("transfers"."transfers"."code" is null or "transfers"."transfers"."kind" = 'OFFICIAL' or "transfers"."transfers"."planned_end_on" is not null);