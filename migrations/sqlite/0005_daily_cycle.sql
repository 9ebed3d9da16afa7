-- arrears schema, version 5: the daily cycle (docs/daily-cycle.md). Accounts and
-- cases keep anchors the cycle derives from; it writes only the day's changes.

-- The bucket the cycle last recorded for the account (NULL before its first cycle).
ALTER TABLE accounts ADD COLUMN bucket TEXT;

-- The case's place in the strategy: its segment, champion or challenger arm, the
-- treatment path and the day it entered them (day 0 of the path).
ALTER TABLE cases ADD COLUMN segment TEXT;
ALTER TABLE cases ADD COLUMN arm TEXT;
ALTER TABLE cases ADD COLUMN treatment TEXT;
ALTER TABLE cases ADD COLUMN treatment_since TEXT;

-- Allocation (分案): when the owner got the case (for rotation), and the case's
-- agency placement — the notice to the debtor, the placement and its end (recall).
ALTER TABLE cases ADD COLUMN assigned_on TEXT;
ALTER TABLE cases ADD COLUMN agency_notice_on TEXT;
ALTER TABLE cases ADD COLUMN placed_agency TEXT;
ALTER TABLE cases ADD COLUMN placed_on TEXT;
ALTER TABLE cases ADD COLUMN placed_until TEXT;

-- One row per as-of date the cycle has run; finished_at is set when every step is done.
CREATE TABLE cycle_runs (
  as_of TEXT NOT NULL PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  summary TEXT
);

-- A chunk of a step written for a date, committed with the chunk's changes.
CREATE TABLE cycle_chunks (
  as_of TEXT NOT NULL,
  step TEXT NOT NULL,
  chunk INTEGER NOT NULL,
  changes INTEGER NOT NULL,
  PRIMARY KEY (as_of, step, chunk)
);

-- Bucket moves: the history roll rates are computed from.
CREATE TABLE bucket_moves (
  customer_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  moved_on TEXT NOT NULL,
  from_bucket TEXT,
  to_bucket TEXT NOT NULL,
  days_past_due INTEGER NOT NULL,
  PRIMARY KEY (customer_id, account_id, moved_on),
  FOREIGN KEY (customer_id, account_id) REFERENCES accounts (customer_id, id)
);
CREATE INDEX bucket_moves_day ON bucket_moves (moved_on);

-- The day's work queue: one item per open case, ordered per owner by rank.
CREATE TABLE queue_items (
  customer_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  queue_date TEXT NOT NULL,
  owner TEXT,
  rank INTEGER NOT NULL,
  priority BIGINT NOT NULL,
  propensity_ppm INTEGER NOT NULL,
  owed BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  days_past_due INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  segment TEXT NOT NULL,
  arm TEXT NOT NULL,
  action TEXT NOT NULL,
  template TEXT,
  -- The first moment today the compliance engine allows the action (UTC); NULL: not today.
  contact_from TEXT,
  PRIMARY KEY (customer_id, case_id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);
CREATE INDEX queue_items_owner ON queue_items (queue_date, owner, rank);
