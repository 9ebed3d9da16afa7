-- arrears schema (PostgreSQL), version 7: message templates, the outbox and opt-outs (docs/messages.md).

-- Templates for SMS, email and letters, by id and language; a save adds a version, and every message names the
-- version it was rendered from.
CREATE TABLE message_templates (
  id TEXT NOT NULL,
  language TEXT NOT NULL,
  version INTEGER NOT NULL,
  channel TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (id, language, version)
);

-- Version 1's placeholder outbox was never written to: it gives way to the real one.
DROP TABLE outbox;

-- Messages to send: written in the transaction of the use case that asks for them and sent by the dispatcher.
-- status: queued, held (outside the permitted window until next_attempt_at), sending, sent, delivered, failed,
-- bounced. The recipient and the text are personal data: sealed.
CREATE TABLE outbox (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  channel TEXT NOT NULL,
  contact_point_id BIGINT NOT NULL,
  recipient_masked TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_language TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  subject_cipher TEXT,
  body_cipher TEXT NOT NULL,
  segments INTEGER NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  queued_by TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  sent_at TEXT,
  delivered_at TEXT,
  provider_id TEXT,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id, case_id) REFERENCES cases (customer_id, id),
  FOREIGN KEY (customer_id, contact_point_id) REFERENCES contact_points (customer_id, id)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('queued', 'held', 'sending');
CREATE UNIQUE INDEX outbox_provider ON outbox (channel, provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX outbox_case ON outbox (customer_id, case_id);

-- A medium the debtor asked not to be used again (a reply "TD", "退订" or "STOP", or told to an agent).
CREATE TABLE medium_opt_outs (
  customer_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  channel TEXT NOT NULL,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (customer_id, id),
  FOREIGN KEY (customer_id) REFERENCES customers (id)
);
