-- arrears schema (PostgreSQL), version 9: ids from native sequences, one per kind of record.
-- nextval takes no lock that another transaction waits on, where the `sequences` table's row stayed locked by
-- each writer until it committed: agents logging contacts at the same moment queued behind one row.
-- Each sequence continues where the table left off; SQLite keeps the table (one writer at a time there).

CREATE SEQUENCE id_account AS BIGINT;
CREATE SEQUENCE id_approval AS BIGINT;
CREATE SEQUENCE id_arrangement AS BIGINT;
CREATE SEQUENCE id_case AS BIGINT;
CREATE SEQUENCE id_case_hold AS BIGINT;
CREATE SEQUENCE id_contact AS BIGINT;
CREATE SEQUENCE id_contact_attempt AS BIGINT;
CREATE SEQUENCE id_customer AS BIGINT;
CREATE SEQUENCE id_dispute AS BIGINT;
CREATE SEQUENCE id_document AS BIGINT;
CREATE SEQUENCE id_field_visit AS BIGINT;
CREATE SEQUENCE id_import_batch AS BIGINT;
CREATE SEQUENCE id_legal_matter AS BIGINT;
CREATE SEQUENCE id_letter_request AS BIGINT;
CREATE SEQUENCE id_medium_opt_out AS BIGINT;
CREATE SEQUENCE id_outbox AS BIGINT;
CREATE SEQUENCE id_payment AS BIGINT;
CREATE SEQUENCE id_promise AS BIGINT;
CREATE SEQUENCE id_user AS BIGINT;

SELECT setval(('id_' || name)::regclass, next_value, false) FROM sequences;

DROP TABLE sequences;
