
ALTER TABLE "organization"."organizations" ADD COLUMN "classified_on" date;--> statement-breakpoint
ALTER TABLE "members"."monthly_figures" ADD COLUMN "organizations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."monthly_figures" ADD COLUMN "secretary_accounts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."monthly_figures" ADD COLUMN "deputy_accounts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "members"."monthly_figures" ADD COLUMN "finance_accounts" integer DEFAULT 0 NOT NULL;
