-- arrears schema (PostgreSQL), version 8: which customers changed since the daily cycle last read them
-- (docs/daily-cycle.md, "Keeping the working set").

-- A server that keeps the cycle's working set between nights reads again only the customers written since its last
-- read. Every write to a table the working set is built from notes the customer here, one row per customer per
-- transaction (rows are only ever inserted, never updated, so a reader's delete never conflicts with a writer).
-- A reader, in one REPEATABLE READ transaction, reads the noted customers' rows and deletes the notes its snapshot
-- sees: a write committed after the snapshot keeps its note for the next read.
CREATE TABLE changed_customers (
  customer_id BIGINT NOT NULL,
  xid BIGINT NOT NULL,
  PRIMARY KEY (customer_id, xid)
);

-- loads: how many times the notes were read (a kept working set is good only while nobody else read them);
-- paused: set by the cycle's own chunk transactions, whose writes its working set already holds.
CREATE TABLE change_tracking (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  loads BIGINT NOT NULL,
  paused INTEGER NOT NULL
);
INSERT INTO change_tracking (id, loads, paused) VALUES (1, 0, 0);

CREATE FUNCTION note_changed_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT paused FROM change_tracking WHERE id = 1) = 0 THEN
    INSERT INTO changed_customers (customer_id, xid)
      SELECT DISTINCT customer_id, pg_current_xact_id()::text::bigint FROM changed_rows
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION note_changed_customer_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT paused FROM change_tracking WHERE id = 1) = 0 THEN
    INSERT INTO changed_customers (customer_id, xid)
      SELECT DISTINCT id, pg_current_xact_id()::text::bigint FROM changed_rows
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- One statement-level trigger per table and event (a trigger with transition tables has one event).
DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['accounts', 'cases', 'case_accounts', 'case_facts', 'contact_attempts', 'promises',
                           'arrangements', 'arrangement_installments', 'case_holds', 'payments'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION note_changed_customers()', t || '_inserted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION note_changed_customers()', t || '_updated', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION note_changed_customers()', t || '_deleted', t);
  END LOOP;
END $$;
CREATE TRIGGER customers_inserted AFTER INSERT ON customers REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_changed_customer_rows();
CREATE TRIGGER customers_updated AFTER UPDATE ON customers REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_changed_customer_rows();

-- The cycle updates a few columns of a few percent of accounts and cases each night (a bucket, a segment) and
-- payments update balances: room left on each page lets PostgreSQL write the new row version beside the old one
-- without touching the indexes (a heap-only update). Applies to pages written from now on.
ALTER TABLE accounts SET (fillfactor = 85);
ALTER TABLE cases SET (fillfactor = 85);
