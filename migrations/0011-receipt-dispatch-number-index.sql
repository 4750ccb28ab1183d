-- A new 收文/发文编号 is checked against those already given (numbering.ts), once per item
-- received or dispatched: without an index that is a scan of every carrier, per item.
CREATE INDEX carriers_by_receipt_no ON carriers (receipt_no) WHERE receipt_no IS NOT NULL;
CREATE INDEX carriers_by_dispatch_no ON carriers (dispatch_no) WHERE dispatch_no IS NOT NULL;
