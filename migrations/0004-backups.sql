-- Backups onto registered media: the volume a backup medium is (its identity), and every
-- backup written and verified. Both are projections of medium events.

ALTER TABLE media ADD COLUMN backup_volume TEXT;

CREATE TABLE backups (
  id TEXT PRIMARY KEY,
  medium_id TEXT NOT NULL REFERENCES media (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  chain_seq INTEGER NOT NULL,
  verified_at TEXT,
  verified_ok INTEGER,
  deleted_at TEXT,
  event_id INTEGER NOT NULL REFERENCES events (id)
) STRICT;

CREATE INDEX backups_medium ON backups (medium_id, created_at);
