-- Entries written before the trail was split into chains form one chain of their own, `platform`; every new
-- entry names its chain (subgraphs/kit/src/audit.repository.ts), so the column keeps no default.
ALTER TABLE "audit"."entries" ADD COLUMN "chain" text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit"."entries" ALTER COLUMN "chain" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "entries_chain_idx" ON "audit"."entries" USING btree ("chain","id");--> statement-breakpoint
-- Consumers lock the event they handle (SELECT … FOR UPDATE), which PostgreSQL allows only to a role holding
-- UPDATE on a column of the table; the services get that on one column, and this trigger keeps events as
-- they were written whatever a role may hold. Only the owner could disable it, and services are not the owner.
CREATE FUNCTION outbox.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only (% refused)', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON outbox.events
  FOR EACH ROW EXECUTE FUNCTION outbox.refuse_change();--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON outbox.events
  FOR EACH STATEMENT EXECUTE FUNCTION outbox.refuse_change();
