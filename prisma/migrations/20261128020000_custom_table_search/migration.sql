-- Trigram indexes make "contains" filters on custom-table text columns fast (lib/tables/storage.ts).
-- pg_trgm is a trusted extension: a database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
