-- arrears schema, version 1: the tables for import, balances, payments, audit and the outbox.
-- Collection tables carry customer_id and key on (customer_id, id): the future distribution column.
-- Money is BIGINT minor units beside a CHAR(3) currency; dates are ISO text; flags are 0/1.

CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  next_value BIGINT NOT NULL
);

-- Source keys from the sending system, with a keyed hash of the row as last imported
-- (to tell inserted, updated and unchanged rows apart without reading or decrypting the record).
CREATE TABLE source_keys (
  entity TEXT NOT NULL,
  source_ref TEXT NOT NULL,
  customer_id BIGINT NOT NULL,
  entity_id BIGINT NOT NULL,
  row_hash TEXT NOT NULL,
  PRIMARY KEY (entity, source_ref)
);

CREATE TABLE customers (
  id BIGINT NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL DEFAULT 1,
  customer_ref TEXT NOT NULL,
  name TEXT NOT NULL,
  id_type TEXT NOT NULL,
  id_number_cipher TEXT NOT NULL,
  id_number_index TEXT NOT NULL,
  id_number_masked TEXT NOT NULL,
  birth_date TEXT,
  gender TEXT,
  jurisdiction TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  language TEXT NOT NULL,
  province TEXT,
  city TEXT,
  address_cipher TEXT,
  address_masked TEXT,
  employer TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX customers_id_number_index ON customers (id_number_index);
CREATE INDEX customers_name ON customers (name);

CREATE TABLE contact_points (
  customer_id BIGINT NOT NULL REFERENCES customers (id),
  id BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  contact_ref TEXT NOT NULL,
  kind TEXT NOT NULL,
  value_cipher TEXT NOT NULL,
  value_index TEXT NOT NULL,
  value_masked TEXT NOT NULL,
  relation TEXT NOT NULL,
  contact_name TEXT,
  is_primary SMALLINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, id)
);
CREATE INDEX contact_points_value_index ON contact_points (value_index);

CREATE TABLE accounts (
  customer_id BIGINT NOT NULL REFERENCES customers (id),
  id BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  account_ref TEXT NOT NULL,
  product_type TEXT NOT NULL,
  product_code TEXT NOT NULL,
  currency CHAR(3) NOT NULL,
  opened_on TEXT NOT NULL,
  credit_limit BIGINT,
  original_principal BIGINT,
  term_months INTEGER,
  repayment_method TEXT NOT NULL,
  rate_billionths BIGINT NOT NULL,
  rate_period TEXT NOT NULL,
  day_count TEXT,
  penalty_uplift_billionths BIGINT,
  first_due_date TEXT,
  statement_day INTEGER,
  due_day INTEGER NOT NULL,
  grace_days INTEGER NOT NULL DEFAULT 0,
  balance_date TEXT NOT NULL,
  principal_not_due BIGINT NOT NULL,
  principal_overdue BIGINT NOT NULL,
  interest_overdue BIGINT NOT NULL,
  penalty_interest BIGINT NOT NULL,
  compound_interest BIGINT NOT NULL,
  late_fee BIGINT NOT NULL,
  installment_fee BIGINT NOT NULL,
  other_fee BIGINT NOT NULL,
  credit_balance BIGINT NOT NULL DEFAULT 0,
  minimum_due BIGINT,
  oldest_unpaid_due_date TEXT,
  days_past_due INTEGER NOT NULL,
  status TEXT NOT NULL,
  region TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, id)
);

CREATE TABLE schedule_periods (
  customer_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  number INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  principal BIGINT NOT NULL,
  interest BIGINT NOT NULL,
  fee BIGINT NOT NULL,
  paid BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, account_id, number),
  FOREIGN KEY (customer_id, account_id) REFERENCES accounts (customer_id, id)
);

CREATE TABLE import_batches (
  id BIGINT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  partial SMALLINT NOT NULL,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_inserted BIGINT NOT NULL,
  rows_updated BIGINT NOT NULL,
  rows_unchanged BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL
);

CREATE TABLE import_errors (
  batch_id BIGINT NOT NULL REFERENCES import_batches (id),
  seq BIGINT NOT NULL,
  line BIGINT NOT NULL,
  column_name TEXT,
  message TEXT NOT NULL,
  PRIMARY KEY (batch_id, seq)
);

CREATE TABLE payments (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  payment_ref TEXT NOT NULL,
  paid_at TEXT NOT NULL,
  value_date TEXT NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  installment_number INTEGER,
  reverses_payment_id BIGINT,
  credit_balance BIGINT NOT NULL DEFAULT 0,
  batch_id BIGINT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, account_id) REFERENCES accounts (customer_id, id)
);

CREATE TABLE payment_allocations (
  customer_id BIGINT NOT NULL,
  payment_id BIGINT NOT NULL,
  line INTEGER NOT NULL,
  account_id BIGINT NOT NULL,
  component TEXT NOT NULL,
  overdue SMALLINT NOT NULL,
  amount BIGINT NOT NULL,
  PRIMARY KEY (customer_id, payment_id, line),
  FOREIGN KEY (customer_id, payment_id) REFERENCES payments (customer_id, id)
);

CREATE TABLE users (
  id BIGINT NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL DEFAULT 1,
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  team TEXT,
  agency TEXT,
  password_hash TEXT,
  disabled SMALLINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Append-only, hash-chained per customer; customer_id 0 is the system chain.
CREATE TABLE audit_events (
  customer_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  before_data TEXT,
  after_data TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (customer_id, seq)
);

CREATE TABLE outbox (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  PRIMARY KEY (customer_id, id)
);
