-- arrears schema (SQLite), version 8: which customers changed since the daily cycle last read them
-- (docs/daily-cycle.md, "Keeping the working set").

-- A server that keeps the cycle's working set between nights reads again only the customers written since its last
-- read. Every write to a table the working set is built from notes the customer here. SQLite has one writer at a
-- time: a reader holds the write lock while it reads the noted customers' rows and deletes the notes, so no write
-- can fall between the two.
CREATE TABLE changed_customers (
  customer_id BIGINT NOT NULL PRIMARY KEY
);

-- loads: how many times the notes were read (a kept working set is good only while nobody else read them);
-- paused: set by the cycle's own chunk transactions, whose writes its working set already holds.
CREATE TABLE change_tracking (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  loads BIGINT NOT NULL,
  paused INTEGER NOT NULL
);
INSERT INTO change_tracking (id, loads, paused) VALUES (1, 0, 0);

CREATE TRIGGER accounts_inserted AFTER INSERT ON accounts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER accounts_updated AFTER UPDATE ON accounts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER accounts_deleted AFTER DELETE ON accounts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER cases_inserted AFTER INSERT ON cases WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER cases_updated AFTER UPDATE ON cases WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER cases_deleted AFTER DELETE ON cases WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER case_accounts_inserted AFTER INSERT ON case_accounts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER case_accounts_updated AFTER UPDATE ON case_accounts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER case_accounts_deleted AFTER DELETE ON case_accounts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER case_facts_inserted AFTER INSERT ON case_facts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER case_facts_updated AFTER UPDATE ON case_facts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER case_facts_deleted AFTER DELETE ON case_facts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER contact_attempts_inserted AFTER INSERT ON contact_attempts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER contact_attempts_updated AFTER UPDATE ON contact_attempts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER contact_attempts_deleted AFTER DELETE ON contact_attempts WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER promises_inserted AFTER INSERT ON promises WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER promises_updated AFTER UPDATE ON promises WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER promises_deleted AFTER DELETE ON promises WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER arrangements_inserted AFTER INSERT ON arrangements WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER arrangements_updated AFTER UPDATE ON arrangements WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER arrangements_deleted AFTER DELETE ON arrangements WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER arrangement_installments_inserted AFTER INSERT ON arrangement_installments WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER arrangement_installments_updated AFTER UPDATE ON arrangement_installments WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER arrangement_installments_deleted AFTER DELETE ON arrangement_installments WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER case_holds_inserted AFTER INSERT ON case_holds WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER case_holds_updated AFTER UPDATE ON case_holds WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER case_holds_deleted AFTER DELETE ON case_holds WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER payments_inserted AFTER INSERT ON payments WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER payments_updated AFTER UPDATE ON payments WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.customer_id); END;
CREATE TRIGGER payments_deleted AFTER DELETE ON payments WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (OLD.customer_id); END;
CREATE TRIGGER customers_inserted AFTER INSERT ON customers WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.id); END;
CREATE TRIGGER customers_updated AFTER UPDATE ON customers WHEN (SELECT paused FROM change_tracking WHERE id = 1) = 0
BEGIN INSERT OR IGNORE INTO changed_customers (customer_id) VALUES (NEW.id); END;
