import { sql } from '../../db/statements';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors/app-error';
import type { Computer, Medium } from './device-model';

type Row = Record<string, unknown>;

const COMPUTER_COLUMNS = {
  id: 'id', number: 'number', assetNo: 'asset_no', level: 'level', kind: 'kind', model: 'model', serial: 'serial',
  mac: 'mac', os: 'os', osInstalledOn: 'os_installed_on', responsibleId: 'responsible_id', userId: 'user_id',
  department: 'department', location: 'location', purpose: 'purpose', enabledOn: 'enabled_on', checkedOn: 'checked_on',
  peripherals: 'peripherals', authMethod: 'auth_method', passwordChangedOn: 'password_changed_on',
  passwordDueOn: 'password_due_on', state: 'state', note: 'note', lastEventId: 'last_event_id',
} as const;

const MEDIUM_COLUMNS = {
  id: 'id', number: 'number', kind: 'kind', model: 'model', serial: 'serial', volumeUuid: 'volume_uuid',
  capacity: 'capacity', level: 'level', responsibleId: 'responsible_id', department: 'department', issuedOn: 'issued_on',
  pledgeOn: 'pledge_on', location: 'location', purpose: 'purpose', state: 'state', holderId: 'holder_id', dueOn: 'due_on',
  lostOn: 'lost_on', note: 'note', lastEventId: 'last_event_id',
} as const;

const pick = (row: Row, map: Record<string, string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(map).map(([k, col]) => [k, row[col] ?? null]));

const upsert = (table: string, cols: string[]) =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
   ON CONFLICT (id) DO UPDATE SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

export const missingComputer = () => new AppError('NOT_FOUND', '涉密计算机不存在');
export const missingMedium = () => new AppError('NOT_FOUND', '移动存储介质不存在');

const rowToComputer = (r: Row): Computer =>
  ({
    ...pick(r, COMPUTER_COLUMNS),
    disks: JSON.parse(r.disks as string),
    flags: JSON.parse(r.flags as string),
    labelApplied: r.label_applied === 1,
  }) as Computer;

export function saveComputer(db: Db, c: Computer): void {
  const row: Row = Object.fromEntries(Object.entries(COMPUTER_COLUMNS).map(([k, col]) => [col, (c as unknown as Row)[k] ?? null]));
  Object.assign(row, { disks: JSON.stringify(c.disks), flags: JSON.stringify(c.flags), label_applied: c.labelApplied ? 1 : 0 });
  sql(db, upsert('computers', Object.keys(row))).run(row);
}

export function getComputer(db: Db, id: string): Computer {
  const r = sql(db, 'SELECT * FROM computers WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw missingComputer();
  return rowToComputer(r);
}

export const computerByNumber = (db: Db, number: string): Computer | null => {
  const r = sql(db, 'SELECT * FROM computers WHERE number = ?').get(number) as Row | undefined;
  return r ? rowToComputer(r) : null;
};

export const listComputerRows = (db: Db, id?: string): Computer[] =>
  (id ? (sql(db, 'SELECT * FROM computers WHERE id = ?').all(id) as Row[]) : (sql(db, 'SELECT * FROM computers ORDER BY number').all() as Row[])).map(rowToComputer);

const BINDINGS = 'SELECT b.medium_id, b.computer_id FROM media_bindings b JOIN computers c ON c.id = b.computer_id';

/** The computers each medium is bound to, in number order: of one medium, or of all at once (not a query per row). */
const bindingsOf = (db: Db, mediumId?: string): Map<string, string[]> => {
  const rows = (mediumId
    ? sql(db, `${BINDINGS} WHERE b.medium_id = ? ORDER BY c.number`).all(mediumId)
    : sql(db, `${BINDINGS} ORDER BY c.number`).all()) as { medium_id: string; computer_id: string }[];
  const byMedium = new Map<string, string[]>();
  for (const b of rows) byMedium.set(b.medium_id, [...(byMedium.get(b.medium_id) ?? []), b.computer_id]);
  return byMedium;
};

const rowToMedium = (r: Row, bound: Map<string, string[]>): Medium =>
  ({ ...pick(r, MEDIUM_COLUMNS), isBackup: r.is_backup === 1, boundComputerIds: bound.get(r.id as string) ?? [] }) as Medium;

const oneMedium = (db: Db, r: Row): Medium => rowToMedium(r, bindingsOf(db, r.id as string));

export function saveMedium(db: Db, m: Medium): void {
  const row: Row = Object.fromEntries(Object.entries(MEDIUM_COLUMNS).map(([k, col]) => [col, (m as unknown as Row)[k] ?? null]));
  row.is_backup = m.isBackup ? 1 : 0;
  sql(db, upsert('media', Object.keys(row))).run(row);
}

export function getMedium(db: Db, id: string): Medium {
  const r = sql(db, 'SELECT * FROM media WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw missingMedium();
  return oneMedium(db, r);
}

export const mediumByNumber = (db: Db, number: string): Medium | null => {
  const r = sql(db, 'SELECT * FROM media WHERE number = ?').get(number) as Row | undefined;
  return r ? oneMedium(db, r) : null;
};

export function listMediumRows(db: Db, id?: string): Medium[] {
  const rows = (id ? sql(db, 'SELECT * FROM media WHERE id = ?').all(id) : sql(db, 'SELECT * FROM media ORDER BY number').all()) as Row[];
  const bound = bindingsOf(db, id);
  return rows.map((r) => rowToMedium(r, bound));
}
