CREATE SCHEMA "idempotency";
--> statement-breakpoint
CREATE TABLE "idempotency"."answers" (
	"caller" text NOT NULL,
	"key" text NOT NULL,
	"subgraph" text NOT NULL,
	"call" text NOT NULL,
	"answer" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answers_caller_key_subgraph_call_pk" PRIMARY KEY("caller","key","subgraph","call")
);
--> statement-breakpoint
CREATE TABLE "idempotency"."keys" (
	"caller" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "keys_caller_key_pk" PRIMARY KEY("caller","key")
);
--> statement-breakpoint
CREATE INDEX "keys_created_at_idx" ON "idempotency"."keys" USING btree ("created_at");