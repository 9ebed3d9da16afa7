-- arrears schema (SQLite), version 2: the collection workflow (cases, holds, contacts, promises,
-- arrangements, approvals, disputes, documents, escalation and legal matters).
-- Every table keys on (customer_id, ...) and its foreign keys include customer_id.

CREATE TABLE cases (
  customer_id BIGINT NOT NULL REFERENCES customers (id),
  id BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  stage TEXT NOT NULL,
  owner TEXT,
  currency CHAR(3) NOT NULL,
  opened_at TEXT NOT NULL,
  stage_changed_at TEXT NOT NULL,
  closed_at TEXT,
  close_reason TEXT,
  monitor_until TEXT,
  delinquency_reason TEXT,
  monthly_income BIGINT,
  monthly_expenses BIGINT,
  other_debt_payments BIGINT,
  repayment_capacity BIGINT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, id)
);
-- One open case per customer.
CREATE UNIQUE INDEX cases_one_open ON cases (customer_id) WHERE closed_at IS NULL;
CREATE INDEX cases_stage ON cases (stage);

CREATE TABLE case_accounts (
  customer_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, case_id, account_id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id),
  FOREIGN KEY (customer_id, account_id) REFERENCES accounts (customer_id, id)
);

-- The case's story in order: stage changes, holds, assignments, verifications, requests.
-- The timeline reads it beside the payments.
CREATE TABLE case_events (
  customer_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (customer_id, case_id, seq),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

CREATE TABLE case_holds (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  account_id BIGINT,
  placed_by TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  released_by TEXT,
  released_at TEXT,
  release_reason TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

CREATE TABLE contact_attempts (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  party TEXT NOT NULL,
  contact_point_id BIGINT,
  number_masked TEXT,
  outcome TEXT,
  right_party_verified SMALLINT NOT NULL DEFAULT 0,
  notes TEXT,
  verdict TEXT NOT NULL,
  decision TEXT NOT NULL,
  made SMALLINT NOT NULL,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);
CREATE INDEX contact_attempts_case ON contact_attempts (customer_id, case_id, at);

CREATE TABLE promises (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  promised_on TEXT NOT NULL,
  made_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  paid BIGINT NOT NULL DEFAULT 0,
  remind_on TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  settled_at TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

CREATE TABLE arrangements (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  case_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  periods INTEGER NOT NULL,
  deferral_days INTEGER NOT NULL DEFAULT 0,
  currency CHAR(3) NOT NULL,
  owed BIGINT NOT NULL,
  waived BIGINT NOT NULL,
  to_pay BIGINT NOT NULL,
  waiver TEXT NOT NULL,
  broken INTEGER NOT NULL DEFAULT 0,
  replaces_id BIGINT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

CREATE TABLE arrangement_installments (
  customer_id BIGINT NOT NULL,
  arrangement_id BIGINT NOT NULL,
  number INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  amount BIGINT NOT NULL,
  paid BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  PRIMARY KEY (customer_id, arrangement_id, number),
  FOREIGN KEY (customer_id, arrangement_id) REFERENCES arrangements (customer_id, id)
);

CREATE TABLE approvals (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  subject TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  reasons TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  decision_reason TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);
CREATE INDEX approvals_status ON approvals (status);

CREATE TABLE disputes (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  component TEXT,
  amount BIGINT,
  status TEXT NOT NULL,
  hold_id BIGINT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  resolved_by TEXT,
  resolved_at TEXT,
  resolution_reason TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id),
  FOREIGN KEY (customer_id, account_id) REFERENCES accounts (customer_id, id)
);

-- Evidence and generated letters. The content is kept base64-encoded in the row, so that
-- a document is stored and audited in the same transaction as the step that made it.
CREATE TABLE documents (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  related_to TEXT,
  related_id BIGINT,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

-- Letters asked for (collection letter, lawyer's letter, settlement certificate, dispute outcome);
-- the channels rendering them fill document_id and sent_at.
CREATE TABLE letter_requests (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  document_id BIGINT,
  sent_at TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

CREATE TABLE field_visits (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  planned_for TEXT NOT NULL,
  collectors TEXT NOT NULL,
  address_masked TEXT,
  status TEXT NOT NULL,
  result TEXT,
  outcome TEXT,
  visited_at TEXT,
  scheduled_by TEXT NOT NULL,
  scheduled_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);

CREATE TABLE legal_matters (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  case_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  court TEXT,
  court_case_number TEXT,
  filed_on TEXT,
  next_hearing_on TEXT,
  judgment_amount BIGINT,
  judgment_on TEXT,
  enforcement TEXT,
  assets_frozen SMALLINT NOT NULL DEFAULT 0,
  costs BIGINT NOT NULL DEFAULT 0,
  currency CHAR(3) NOT NULL,
  transferred_by TEXT NOT NULL,
  transferred_at TEXT NOT NULL,
  returned_at TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id)
);
