-- Extensions and helpers used by every module's search.
-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13+), so the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Diacritic-insensitive text for search and trigram indexes: "Nguyễn Lương Bằng" -> "Nguyen Luong Bang".
-- Text is first brought to Unicode NFC, so decomposed input (e + combining marks) folds the same way.
-- IMMUTABLE so that it can be used in expression indexes; the dictionary is named explicitly.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, normalize($1, NFC)) $$;
