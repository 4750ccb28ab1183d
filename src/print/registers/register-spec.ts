import type { Db } from '../../db/open-database';
import type { RegisterDefinition } from '../print-document';
import type { ParsedPrintRequest, RegisterId } from '../print-types';

/** One printable register: its columns, and how its rows are read for a request. */
export interface RegisterSpec<Row> {
  id: RegisterId;
  definition: RegisterDefinition<Row>;
  rows(db: Db, req: ParsedPrintRequest, today: string): Row[];
  subject?: 'computer' | 'inspection' | 'reconciliation';
  /** A blank form with content (register 12: the items, answers left empty). */
  blankRows?(db: Db): Row[];
  /** Signature lines under the table, with names when the record has them. */
  signatures?(db: Db, req: ParsedPrintRequest): { label: string; name: string }[];
  /** A ledger (registers 8 and 11) lists what is there now rather than events in a period. */
  snapshot?: boolean;
  /** The scope line under the title, when the dates alone do not say it. */
  scope?(db: Db, req: ParsedPrintRequest, today: string): string;
}
