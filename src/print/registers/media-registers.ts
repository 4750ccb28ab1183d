import type { Db } from '../../db/open-database';
import { sql } from '../../db/statements';
import { LEVEL_LABELS, type Level } from '../../ledger/classification/levels';
import { MEDIUM_KIND_LABELS, MEDIUM_STATE_LABELS } from '../../ledger/devices/device-model';
import { MEDIUM_OPERATION_LABELS } from '../../ledger/devices/device-schemas';
import { listMedia, type MediumRow } from '../../ledger/devices/device-queries';
import type { ParsedPrintRequest } from '../print-types';
import { deviceLines, field, lookup, seq, sig, type DeviceLine } from './register-rows';
import type { RegisterSpec } from './register-spec';

export const byLevel = (levels: Level[]) => (x: { level: Level }) => levels.length === 0 || levels.includes(x.level);
export const period = (req: ParsedPrintRequest) => ({ from: req.from, to: req.to, levels: req.levels });

const p = (l: DeviceLine, path: string) => field(l.event.payload, path);

/**
 * The steps of a medium besides its uses that register 11 records (R-34, R-35): each is an
 * operation on the medium, with a person who did it and, for most, an approval.
 */
const STEP_LABELS: Record<string, string> = {
  issued: '配发',
  lent: '借用',
  returned: '归还',
  taken_out: '携带外出',
  brought_back: '外出带回',
  destroyed: '销毁',
};

/** One line of 介质使用登记表, its cells worked out once from the event and its context. */
export interface MediumOperationLine {
  date: string;
  number: string;
  computerNumber: string;
  operation: string;
  summary: string;
  /** The level of the content for a use; of the medium at the time for any other step. */
  handledLevel: Level | null;
  approver: string;
  operator: string;
  /** The medium's level now, which bounds every line's (R-05 marking). */
  level: Level;
}

interface LineContext {
  id: number;
  /** The medium's level just before the event. */
  level_then: Level | null;
  /** The loan or trip a return closes: who brings the medium back is who took it. */
  outing: string | null;
  /** The user of the computer session a use was recorded in. */
  session_user: string | null;
}

/**
 * What each line needs from outside its own event, in one query whatever the period holds.
 * A use recorded by a computer session names no operator (old ledgers hold many such
 * events), but the session it came from names its user.
 */
function contexts(db: Db, lines: DeviceLine[]): Map<number, LineContext> {
  if (lines.length === 0) return new Map();
  const rows = sql(
    db,
    `SELECT e.id,
       coalesce(
         (SELECT json_extract(x.payload, '$.to') FROM events x WHERE x.entity = e.entity AND x.entity_id = e.entity_id AND x.type = 'level_raised' AND x.id < e.id ORDER BY x.id DESC LIMIT 1),
         (SELECT json_extract(x.payload, '$.fields.level') FROM events x WHERE x.entity = e.entity AND x.entity_id = e.entity_id AND x.type = 'registered' ORDER BY x.id LIMIT 1)
       ) AS level_then,
       CASE WHEN e.type IN ('returned', 'brought_back') THEN
         (SELECT x.payload FROM events x WHERE x.entity = e.entity AND x.entity_id = e.entity_id AND x.type IN ('lent', 'taken_out') AND x.id < e.id ORDER BY x.id DESC LIMIT 1)
       END AS outing,
       (SELECT p.name FROM usage_log u JOIN people p ON p.id = u.user_id WHERE u.id = json_extract(e.payload, '$.usageEntryId')) AS session_user
     FROM json_each(?) j JOIN events e ON e.id = j.value`,
  ).all(JSON.stringify(lines.map((l) => l.event.id))) as LineContext[];
  return new Map(rows.map((r) => [r.id, r]));
}

const withNote = (text: string, l: DeviceLine) => [text, p(l, 'note')].filter(Boolean).join('；');

function checkedIn(l: DeviceLine): string {
  const checker = p(l, 'checkedBy.name');
  return `${l.event.payload.intact === false ? '核验有异常' : '核验完好'}${checker ? `（核验人 ${checker}）` : ''}`;
}

function operationLine(l: DeviceLine, ctx: LineContext | undefined): MediumOperationLine {
  const base = { date: l.event.occurredOn, number: l.number, level: l.level, computerNumber: '', approver: p(l, 'approval.approver.name') };
  const then = ctx?.level_then ?? l.level;
  const outing = ctx?.outing ? (JSON.parse(ctx.outing) as Record<string, unknown>) : {};
  switch (l.event.type) {
    case 'used':
      return {
        ...base,
        computerNumber: p(l, 'computerNumber'),
        operation: p(l, 'operation') === 'session' ? '使用' : lookup(MEDIUM_OPERATION_LABELS, p(l, 'operation')),
        summary: p(l, 'summary'),
        handledLevel: (p(l, 'level') || null) as Level | null,
        approver: p(l, 'approver.name'),
        operator: p(l, 'operator.name') || (ctx?.session_user ?? ''),
      };
    case 'issued':
      return { ...base, operation: STEP_LABELS.issued!, summary: withNote(`领用人签收${p(l, 'pledgeOn') ? `，承诺书 ${p(l, 'pledgeOn')}` : ''}`, l), handledLevel: then, operator: p(l, 'recipient.name') };
    case 'lent':
      return { ...base, operation: STEP_LABELS.lent!, summary: withNote(`${p(l, 'reason')}，应还 ${p(l, 'dueOn')}`, l), handledLevel: then, operator: p(l, 'borrower.name') };
    case 'taken_out':
      return { ...base, operation: STEP_LABELS.taken_out!, summary: withNote(`去向 ${p(l, 'destination')}，至 ${p(l, 'untilOn')}`, l), handledLevel: then, operator: p(l, 'bearer.name') };
    case 'returned':
    case 'brought_back':
      return {
        ...base,
        operation: STEP_LABELS[l.event.type]!,
        summary: withNote(checkedIn(l), l),
        handledLevel: then,
        operator: field(outing, l.event.type === 'returned' ? 'borrower.name' : 'bearer.name') || p(l, 'checkedBy.name'),
      };
    default:
      // destroyed (R-34): approved, at a designated place, by a named person.
      return { ...base, operation: STEP_LABELS.destroyed!, summary: withNote(`${p(l, 'method')}，地点 ${p(l, 'place')}`, l), handledLevel: then, operator: p(l, 'handledBy.name') };
  }
}

export function mediumOperationLines(db: Db, req: ParsedPrintRequest): MediumOperationLine[] {
  const lines = deviceLines(db, 'medium', { ...period(req), types: ['used', ...Object.keys(STEP_LABELS)] });
  const ctx = contexts(db, lines);
  return lines.map((l) => operationLine(l, ctx.get(l.event.id)));
}

/** Registers 11 (the media ledger and its use register) and 13 of DOMAIN §6. */
export const MEDIA_REGISTERS = [
  {
    id: 'media',
    snapshot: true,
    rows: (db, req, today) => listMedia(db, today).filter(byLevel(req.levels)),
    scope: (_db, _req, today) => `截至 ${today}`,
    definition: {
      title: '涉密移动存储介质台账',
      orientation: 'landscape',
      fontPt: 8,
      level: (m: MediumRow) => m.level,
      columns: [
        seq,
        { header: '介质编号', width: 8, value: (m: MediumRow) => m.number },
        { header: '类型', width: 5, value: (m: MediumRow) => lookup(MEDIUM_KIND_LABELS, m.kind) },
        { header: '品牌型号', width: 8, value: (m: MediumRow) => m.model },
        { header: '序列号/卷标识', width: 12, value: (m: MediumRow) => [m.serial, m.volumeUuid].filter(Boolean).join('／') },
        { header: '容量', width: 5, value: (m: MediumRow) => m.capacity },
        { header: '密级', width: 4, value: (m: MediumRow) => LEVEL_LABELS[m.level] },
        { header: '责任人', width: 6, value: (m: MediumRow) => m.responsibleName ?? '' },
        { header: '部门', width: 6, value: (m: MediumRow) => m.department },
        { header: '配发日期', width: 7, value: (m: MediumRow) => m.issuedOn ?? '' },
        { header: '绑定主机', width: 10, value: (m: MediumRow) => m.boundComputers.map((c) => c.number).join('、') },
        { header: '存放位置', width: 7, value: (m: MediumRow) => m.location },
        { header: '用途', width: 8, value: (m: MediumRow) => m.purpose },
        { header: '状态', width: 5, value: (m: MediumRow) => lookup(MEDIUM_STATE_LABELS, m.state) },
      ],
    },
  } as RegisterSpec<MediumRow>,
  {
    id: 'media_uses',
    rows: (db, req) => mediumOperationLines(db, req),
    definition: {
      title: '涉密移动存储介质使用登记表',
      orientation: 'landscape',
      level: (l: MediumOperationLine) => l.level,
      columns: [
        { header: '日期', width: 8, value: (l: MediumOperationLine) => l.date },
        { header: '介质编号', width: 8, value: (l: MediumOperationLine) => l.number },
        { header: '主机编号', width: 8, value: (l: MediumOperationLine) => l.computerNumber },
        { header: '操作', width: 5, value: (l: MediumOperationLine) => l.operation },
        { header: '内容摘要', width: 22, value: (l: MediumOperationLine) => l.summary },
        { header: '密级', width: 4, value: (l: MediumOperationLine) => (l.handledLevel ? lookup(LEVEL_LABELS, l.handledLevel) : '') },
        { header: '批准人', width: 7, value: (l: MediumOperationLine) => l.approver },
        { header: '操作人', width: 7, value: (l: MediumOperationLine) => l.operator },
        sig('签字'),
      ],
    },
  } as RegisterSpec<MediumOperationLine>,
  {
    id: 'backups',
    rows: (db, req) => deviceLines(db, 'medium', { ...period(req), types: ['backup_written'] }),
    definition: {
      title: '备份介质登记表',
      orientation: 'landscape',
      level: (l: DeviceLine) => l.level,
      columns: [
        { header: '备份日期', width: 9, value: (l: DeviceLine) => l.event.occurredOn },
        { header: '介质编号', width: 9, value: (l: DeviceLine) => l.number },
        { header: '密级', width: 5, value: (l: DeviceLine) => LEVEL_LABELS[l.level] },
        { header: '校验值（SHA-256）', width: 28, value: (l: DeviceLine) => p(l, 'sha256') },
        { header: '存放位置', width: 9, value: (l: DeviceLine) => p(l, 'location') },
        { header: '操作人', width: 7, value: (l: DeviceLine) => l.event.actor },
        sig('复核人', 9),
      ],
    },
  } as RegisterSpec<DeviceLine>,
] as unknown as RegisterSpec<never>[];
