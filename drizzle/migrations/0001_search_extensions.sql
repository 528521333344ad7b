-- Vietnamese search without diacritics: "nguyen van an" finds "Nguyễn Văn An".
-- Both extensions are trusted (PostgreSQL 13+), so a database owner may create them without superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is STABLE because its dictionary could change; ours does not, and a generated column and an
-- index need an IMMUTABLE function.
CREATE OR REPLACE FUNCTION members.search_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
