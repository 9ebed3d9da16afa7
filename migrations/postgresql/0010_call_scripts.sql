-- arrears schema (PostgreSQL), version 10: call guides (话术), each saved version of a script kept with who saved it.
-- The source is the script's YAML (config/scripts/*.yaml), parsed and screened by the policy layer when saved.

CREATE TABLE call_scripts (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  source TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
