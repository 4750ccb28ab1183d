-- The ledger: an append-only event log (the truth) and projections derived from it.
-- A projection row is what the events say about an entity now; it is rewritten only in the
-- transaction that appends the event (and its audit entry) that changed it.

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  actor TEXT NOT NULL,
  payload TEXT NOT NULL,
  batch_id TEXT,
  corrects INTEGER REFERENCES events (id),
  audit_seq INTEGER NOT NULL REFERENCES audit_log (seq)
) STRICT;

CREATE INDEX events_entity ON events (entity, entity_id, id);
CREATE INDEX events_type_date ON events (type, occurred_on);
CREATE INDEX events_batch ON events (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX events_corrects ON events (corrects) WHERE corrects IS NOT NULL;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- Yearly counters for 载体编号, 收文编号 and 发文编号.
CREATE TABLE sequences (
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (name, year)
) STRICT;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  department TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  clearance TEXT NOT NULL CHECK (clearance IN ('core', 'important', 'general')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX people_name ON people (name);

CREATE TABLE cabinets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  room TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE carriers (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  receipt_no TEXT,
  dispatch_no TEXT,
  doc_no TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  carrier_type TEXT NOT NULL,
  issuer TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('juemi', 'jimi', 'mimi', 'neibu')),
  term_kind TEXT NOT NULL,
  term_value INTEGER,
  term_condition TEXT,
  classified_on TEXT NOT NULL,
  expires_on TEXT,
  scope TEXT NOT NULL DEFAULT '',
  copies INTEGER NOT NULL CHECK (copies >= 1),
  copy_numbers TEXT NOT NULL DEFAULT '',
  pages INTEGER,
  capacity TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  parent_id TEXT REFERENCES carriers (id),
  classifier TEXT NOT NULL DEFAULT '',
  classify_basis TEXT NOT NULL DEFAULT '',
  custodian_id TEXT REFERENCES people (id),
  cabinet_id TEXT REFERENCES cabinets (id),
  state TEXT NOT NULL,
  holder_id TEXT REFERENCES people (id),
  due_on TEXT,
  lost_on TEXT,
  received_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  -- Lower-cased number, title and 文号 together: one LIKE serves the search box.
  search_text TEXT NOT NULL,
  last_event_id INTEGER NOT NULL
) STRICT;

CREATE INDEX carriers_state ON carriers (state, level);
CREATE INDEX carriers_level ON carriers (level);
CREATE INDEX carriers_custodian ON carriers (custodian_id);
CREATE INDEX carriers_holder ON carriers (holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX carriers_cabinet ON carriers (cabinet_id);
CREATE INDEX carriers_expires ON carriers (expires_on) WHERE expires_on IS NOT NULL;
CREATE INDEX carriers_due ON carriers (due_on) WHERE due_on IS NOT NULL;
CREATE INDEX carriers_parent ON carriers (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX carriers_received ON carriers (received_on);
