-- arrears schema, version 6: the day's facts per case for reporting (docs/daily-cycle.md).

-- One row per span of days over which a case's reportable state held: its bucket, the day its days past due count
-- from, what it owed at its anchors, its strategy segment and arm, its owner and agency. The cycle closes a span
-- (valid_to, exclusive) and opens the next only when one of these changes, so a quiet night writes nothing, yet
-- the state of every case on any day is one range lookup: valid_from <= D AND (valid_to IS NULL OR valid_to > D).
CREATE TABLE case_facts (
  customer_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  bucket TEXT NOT NULL,
  -- Days past due on day D are D - overdue_since; NULL: nothing past due (cured, or within grace).
  overdue_since TEXT,
  days_past_due INTEGER NOT NULL,  -- on valid_from
  owed BIGINT NOT NULL,            -- on valid_from, with interest accrued to that day
  anchor_owed BIGINT NOT NULL,     -- the balances at the accounts' anchors: a payment or an import changes it
  segment TEXT,
  arm TEXT,
  owner TEXT,
  agency TEXT,
  PRIMARY KEY (customer_id, case_id, valid_from),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);
CREATE INDEX case_facts_open ON case_facts (customer_id, case_id) WHERE valid_to IS NULL;
CREATE INDEX case_facts_from ON case_facts (valid_from);
