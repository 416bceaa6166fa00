-- The outbox relay (lib/jobs/outbox-relay.ts): wake the trigger dispatcher when outbox events commit.
-- One NOTIFY per inserting statement; PostgreSQL folds identical notifications of a transaction.
CREATE FUNCTION "x_outbox_events_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('flowright_outbox', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER "x_outbox_events_notify" AFTER INSERT ON "outbox_events" FOR EACH STATEMENT EXECUTE FUNCTION "x_outbox_events_notify"();

-- The dispatcher claims unprocessed events in (createdAt, id) order: widen the pending index to match.
DROP INDEX "x_outbox_events_pending";
CREATE INDEX "x_outbox_events_pending" ON "outbox_events" ("createdAt", id) WHERE "processedAt" IS NULL;
