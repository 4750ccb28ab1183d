-- An event enters the log only right after its own audit entry, which repeats it
-- (appendEvent): it takes the next id and is bound to the newest audit entry, which must
-- name that id, entity and type. A row written any other way (say, with the raw key outside
-- the app) is refused. INSERT OR REPLACE is refused as well: connections turn on
-- recursive_triggers, so the rows a REPLACE would delete fire the no-delete triggers.
CREATE TRIGGER events_bound_to_audit BEFORE INSERT ON events
WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM events)
  OR NEW.audit_seq IS NOT (SELECT max(seq) FROM audit_log)
  OR (SELECT json_extract(payload, '$.eventId') FROM audit_log WHERE seq = NEW.audit_seq) IS NOT NEW.id
  OR (SELECT json_extract(payload, '$.entityId') FROM audit_log WHERE seq = NEW.audit_seq) IS NOT NEW.entity_id
  OR (SELECT action FROM audit_log WHERE seq = NEW.audit_seq) IS NOT NEW.entity || '.' || NEW.type
BEGIN
  SELECT RAISE(ABORT, 'an event must be appended right after its own audit entry');
END;
