CREATE SCHEMA "jobs";
--> statement-breakpoint
CREATE SCHEMA "calendar";
--> statement-breakpoint
CREATE TYPE "jobs"."run_status" AS ENUM('RUNNING', 'DONE', 'FAILED');--> statement-breakpoint
CREATE TYPE "calendar"."adjustment_kind" AS ENUM('DAY_OFF', 'WORKING_DAY');--> statement-breakpoint
CREATE TABLE "jobs"."runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs"."runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job" text NOT NULL,
	"key" text NOT NULL,
	"status" "jobs"."run_status" DEFAULT 'RUNNING' NOT NULL,
	"cursor" jsonb,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "runs_job_key_unique" UNIQUE("job","key")
);
--> statement-breakpoint
CREATE TABLE "calendar"."adjustments" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" "calendar"."adjustment_kind" NOT NULL,
	"note" text NOT NULL,
	"source" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
