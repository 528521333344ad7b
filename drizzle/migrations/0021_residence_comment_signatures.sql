CREATE TABLE "members"."signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "members"."residence_comments" ADD COLUMN "key_id" uuid;--> statement-breakpoint
ALTER TABLE "members"."residence_comments" ADD COLUMN "signature" text;--> statement-breakpoint
CREATE UNIQUE INDEX "members_signing_keys_one_active_idx" ON "members"."signing_keys" USING btree ("person_id") WHERE "members"."signing_keys"."retired_at" is null;--> statement-breakpoint
ALTER TABLE "members"."residence_comments" ADD CONSTRAINT "residence_comments_key_id_signing_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "members"."signing_keys"("id") ON DELETE no action ON UPDATE no action;