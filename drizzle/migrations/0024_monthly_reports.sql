CREATE TABLE "organization"."monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"late" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization"."monthly_reports" ADD CONSTRAINT "monthly_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "organization"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_org_month_idx" ON "organization"."monthly_reports" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_month_path_idx" ON "organization"."monthly_reports" USING btree ("month","org_path" text_pattern_ops);