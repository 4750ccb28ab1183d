-- Sorting the carrier list by title: a covering index in title order, so that a page stops
-- after its rows instead of sorting every match.
CREATE INDEX carriers_by_title ON carriers (
  title, number, level, state, carrier_type, custodian_id, holder_id, cabinet_id, expires_on, due_on
);
