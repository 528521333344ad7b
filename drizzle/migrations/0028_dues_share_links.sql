
CREATE TABLE "dues"."share_link_opens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues"."share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"member_id" uuid NOT NULL,
	"qr_payment_id" uuid NOT NULL,
	"months" date[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE INDEX "share_link_opens_link_idx" ON "dues"."share_link_opens" USING btree ("link_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_token_idx" ON "dues"."share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_links_member_idx" ON "dues"."share_links" USING btree ("member_id","created_at");
