ALTER TYPE "members"."role" ADD VALUE 'PROCESSING_OFFICER';--> statement-breakpoint
ALTER TYPE "members"."role" ADD VALUE 'SUPPORT_TEAM';
--> statement-breakpoint
CREATE TYPE "transfers"."dossier_item" AS ENUM('LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS', 'SELF_REVIEW', 'SEAL');--> statement-breakpoint
CREATE TABLE "transfers"."transfer_dossier_checks" (
	"transfer_id" uuid NOT NULL,
	"item" "transfers"."dossier_item" NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_dossier_checks_transfer_id_item_pk" PRIMARY KEY("transfer_id","item")
);
--> statement-breakpoint
ALTER TABLE "transfers"."transfer_dossier_checks" ADD CONSTRAINT "transfer_dossier_checks_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "transfers"."transfers"("id") ON DELETE no action ON UPDATE no action;