-- People's posts and departures (R-12, R-14), the monthly self-inspection (DOMAIN §7) with
-- versioned templates and findings that carry over, and reconciliation by scanning.

ALTER TABLE people ADD COLUMN pledge_on TEXT;
ALTER TABLE people ADD COLUMN on_post_on TEXT;
ALTER TABLE people ADD COLUMN left_on TEXT;
ALTER TABLE people ADD COLUMN leave_kind TEXT;
ALTER TABLE people ADD COLUMN declass_until TEXT;

-- A template version never changes once written; the unit edits a copy (a new version).
CREATE TABLE checklist_templates (
  id TEXT PRIMARY KEY,
  family TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  items TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (family, version)
) STRICT;

CREATE TRIGGER checklist_templates_immutable BEFORE UPDATE ON checklist_templates
BEGIN
  SELECT RAISE(ABORT, 'a template version never changes; write a new version');
END;

CREATE TABLE inspection_runs (
  id TEXT PRIMARY KEY,
  month TEXT NOT NULL UNIQUE,
  template_id TEXT NOT NULL REFERENCES checklist_templates (id),
  state TEXT NOT NULL CHECK (state IN ('open', 'signed')),
  created_at TEXT NOT NULL,
  evidence TEXT NOT NULL,
  signed_at TEXT,
  signatures TEXT
) STRICT;

CREATE TABLE inspection_results (
  run_id TEXT NOT NULL REFERENCES inspection_runs (id),
  item_id TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),
  note TEXT NOT NULL DEFAULT '',
  event_id INTEGER NOT NULL REFERENCES events (id),
  PRIMARY KEY (run_id, item_id)
) STRICT;

CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES inspection_runs (id),
  item_id TEXT NOT NULL,
  text TEXT NOT NULL,
  owner TEXT NOT NULL,
  deadline TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  closed_on TEXT,
  rectification TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX findings_open ON findings (state, deadline);

CREATE TABLE recon_sessions (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('monthly', 'quarterly', 'half_year', 'yearly', 'adhoc')),
  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('all', 'cabinet', 'person')),
  scope_id TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  expected TEXT NOT NULL,
  report TEXT
) STRICT;

CREATE TABLE recon_scans (
  session_id TEXT NOT NULL REFERENCES recon_sessions (id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  at TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('sighted', 'duplicate', 'unexpected', 'unknown')),
  item_kind TEXT,
  item_id TEXT,
  PRIMARY KEY (session_id, seq)
) STRICT;
