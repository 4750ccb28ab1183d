-- Designated computers (涉密计算机) and removable media (涉密移动存储介质): projections of
-- their events (the events table of 0002), the usage book (R-32) and medium uses (R-36).

CREATE TABLE computers (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  asset_no TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('juemi', 'jimi', 'mimi', 'neibu')),
  kind TEXT NOT NULL,
  model TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  disks TEXT NOT NULL DEFAULT '[]',
  mac TEXT NOT NULL DEFAULT '',
  os TEXT NOT NULL DEFAULT '',
  os_installed_on TEXT,
  responsible_id TEXT REFERENCES people (id),
  user_id TEXT REFERENCES people (id),
  department TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  enabled_on TEXT,
  checked_on TEXT,
  flags TEXT NOT NULL DEFAULT '{}',
  peripherals TEXT NOT NULL DEFAULT '',
  auth_method TEXT NOT NULL DEFAULT '',
  password_changed_on TEXT,
  password_due_on TEXT,
  label_applied INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  last_event_id INTEGER NOT NULL
) STRICT;

CREATE INDEX computers_state ON computers (state);

CREATE TABLE media (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  model TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  volume_uuid TEXT NOT NULL DEFAULT '',
  capacity TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('juemi', 'jimi', 'mimi', 'neibu')),
  responsible_id TEXT REFERENCES people (id),
  department TEXT NOT NULL DEFAULT '',
  issued_on TEXT,
  pledge_on TEXT,
  location TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  is_backup INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  holder_id TEXT REFERENCES people (id),
  due_on TEXT,
  lost_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  last_event_id INTEGER NOT NULL
) STRICT;

CREATE INDEX media_state ON media (state);

CREATE TABLE media_bindings (
  medium_id TEXT NOT NULL REFERENCES media (id),
  computer_id TEXT NOT NULL REFERENCES computers (id),
  bound_event_id INTEGER NOT NULL REFERENCES events (id),
  PRIMARY KEY (medium_id, computer_id)
) STRICT;

-- R-32: one line per working session; the book is per computer and year.
CREATE TABLE usage_log (
  id TEXT PRIMARY KEY,
  computer_id TEXT NOT NULL REFERENCES computers (id),
  year INTEGER NOT NULL,
  work_date TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  user_id TEXT NOT NULL REFERENCES people (id),
  work TEXT NOT NULL DEFAULT '',
  highest_level TEXT CHECK (highest_level IN ('juemi', 'jimi', 'mimi', 'neibu')),
  media TEXT NOT NULL DEFAULT '[]',
  anomalies TEXT NOT NULL DEFAULT '',
  start_event_id INTEGER NOT NULL REFERENCES events (id),
  end_event_id INTEGER REFERENCES events (id)
) STRICT;

CREATE INDEX usage_log_book ON usage_log (computer_id, year, work_date);
CREATE UNIQUE INDEX usage_log_one_open ON usage_log (computer_id) WHERE ended_at IS NULL;
