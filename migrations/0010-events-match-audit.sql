-- 0009 binds an event to its audit entry by id, entity and type; this binds the rest. The
-- audit entry is what the hash chain keeps, so an event row that said something else (other
-- data, date, batch, correction target, actor or time) would show the officer a history the
-- chain does not vouch for. appendEvent writes both in canonical JSON (RFC 8785), so the data
-- must match key for key in that order; json() only takes spacing out of the comparison.
CREATE TRIGGER events_match_audit BEFORE INSERT ON events
BEGIN
  SELECT RAISE(ABORT, 'an event must say what its audit entry says')
  FROM audit_log AS a
  WHERE a.seq = NEW.audit_seq
    AND (json_extract(a.payload, '$.data') IS NOT json(NEW.payload)
      OR json_extract(a.payload, '$.occurredOn') IS NOT NEW.occurred_on
      OR json_extract(a.payload, '$.batchId') IS NOT NEW.batch_id
      OR json_extract(a.payload, '$.corrects') IS NOT NEW.corrects
      OR a.actor IS NOT NEW.actor
      OR a.at IS NOT NEW.at);
END;
