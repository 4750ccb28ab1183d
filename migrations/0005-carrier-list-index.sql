-- The carrier list (filters, search, paging over 100,000 rows) is answered from one covering
-- index: the newest-first order plus every filtered column and the search text, so that
-- counting, filtering and skipping to a deep page never read the wide carrier rows.
CREATE INDEX carriers_list ON carriers (
  received_on, number, level, state, carrier_type, custodian_id, holder_id, cabinet_id,
  expires_on, due_on, search_text
);

DROP INDEX carriers_received;
