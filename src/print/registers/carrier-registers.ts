import type { Db } from '../../db/open-database';
import { sql } from '../../db/statements';
import {
  APPROVER_ROLE_LABELS,
  CARRIER_TYPE_LABELS,
  DESTRUCTION_METHOD_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  TRANSFER_METHOD_LABELS,
} from '../../ledger/carriers/carrier-model';
import type { ParsedPrintRequest, RegisterId } from '../print-types';
import type { RegisterSpec } from './register-spec';
import { eventLines, field, lineField, lookup, markCorrected, seq, sig, type EventLine, type LineQuery } from './register-rows';

/** Registers 1-7 of DOMAIN §6: their columns, and the events each one lists. */
export type CarrierRegister = RegisterSpec<EventLine>;

const level = (l: EventLine) => l.carrier.level;
const p = (l: EventLine, path: string) => lineField(l, path);
const date = { header: '日期', width: 8, value: (l: EventLine) => l.event.occurredOn };
const num = { header: '载体编号', width: 10, value: (l: EventLine) => l.carrier.number };
const title = { header: '标题', width: 22, value: (l: EventLine) => l.carrier.title };
const marking = { header: '密级★期限', width: 9, value: (l: EventLine) => l.marking };
const copyNo = { header: '份号', width: 6, value: (l: EventLine) => l.carrier.copyNumbers };
const approver = { header: '批准人', width: 8, value: (l: EventLine) => `${p(l, 'approval.approver.name')}${p(l, 'approval.role') ? `（${lookup(APPROVER_ROLE_LABELS, p(l, 'approval.role'))}）` : ''}` };

const lines =
  (types: string[], more: Omit<LineQuery, 'types' | 'from' | 'to' | 'levels'> = {}) =>
  (db: Db, req: ParsedPrintRequest) =>
    eventLines(db, { types, from: req.from, to: req.to, levels: req.levels, ...more });

/**
 * Where the item is now, for 去向: its state, and who keeps it. A distributed item stays
 * 在库 with the recipient as custodian, so the state alone hides which department has it.
 */
const GONE = ['destroyed', 'returned'];
const whereabouts = (l: EventLine) => {
  const state = lookup(STATE_LABELS, l.carrier.state);
  return l.custodian && !GONE.includes(l.carrier.state) ? `${state}（${l.custodian}）` : state;
};

/**
 * A loan, circulation or trip is over, unreturned, when the item is lost (R-30): found, it
 * goes back to the store, not to the borrower, and a later return closes a later line.
 */
const OUT_ENDS = { interruptingTypes: ['lost'] };
/** Printed where the return would be, so a line that never came back cannot read as returned. */
const unreturned = (l: EventLine) =>
  !l.interruptedBy ? '' : l.interruptedBy.type === 'lost' ? `下落不明（${l.interruptedBy.occurredOn}）` : '无归还记录';

/**
 * 复制件编号/份号 as the copies are numbered now: a copy's copy number corrected on the
 * copy after the 复制 was recorded (R-25) is printed, marked, instead of the one recorded.
 */
interface CopyNow {
  id: string;
  number: string;
  copyNumber: string;
  corrected: 0 | 1;
}
function withCopiesNow(db: Db, found: EventLine[]): EventLine[] {
  const recorded = (l: EventLine) => (l.event.payload.copies as CopyNow[] | undefined) ?? [];
  const ids = found.flatMap((l) => recorded(l).map((c) => c.id));
  if (ids.length === 0) return found;
  const now = new Map(
    (
      sql(
        db,
        `SELECT c.id, c.number, c.copy_numbers AS copyNumber,
                EXISTS (SELECT 1 FROM events x WHERE x.entity = 'carrier' AND x.entity_id = c.id AND x.type = 'corrected'
                          AND json_extract(x.payload, '$.after.copyNumbers') IS NOT NULL) AS corrected
           FROM json_each(?) j JOIN carriers c ON c.id = j.value`,
      ).all(JSON.stringify(ids)) as CopyNow[]
    ).map((c) => [c.id, c]),
  );
  return found.map((l) => ({ ...l, payload: { ...l.payload, copies: recorded(l).map((c) => now.get(c.id) ?? { ...c, corrected: 0 }) } }));
}
const copiesNow = (l: EventLine) =>
  ((l.payload.copies as CopyNow[] | undefined) ?? []).map((c) => (c.corrected ? markCorrected(`${c.number}（${c.copyNumber}）`) : `${c.number}（${c.copyNumber}）`)).join('、');

/**
 * R-28: a handover list is everything the leaver gave back. What they kept in custody is
 * handed over (移交); what they had on loan, in circulation or out was checked back in
 * (收回) in the same batch. Only a handover writes a return in a batch, so the batch id is
 * what tells those returns from ordinary ones.
 */
const TAKE_BACKS = ['loan_returned', 'circulation_returned', 'brought_back'];
const handoverLines = (db: Db, req: ParsedPrintRequest) => {
  const found = lines(['handed_over', 'returned_to_issuer', ...TAKE_BACKS], {
    batchedTypes: TAKE_BACKS,
    openingTypes: ['lent', 'circulated', 'taken_out'],
    peerTypes: ['handed_over'],
  })(db, req);
  // An item both kept and borrowed by the leaver is handed over: one line for it is enough.
  const handedOver = new Set(found.filter((l) => l.event.type === 'handed_over').map((l) => `${l.event.batchId}/${l.carrier.id}`));
  return found.filter((l) => !TAKE_BACKS.includes(l.event.type) || !handedOver.has(`${l.event.batchId}/${l.carrier.id}`));
};
const isTakeBack = (l: EventLine) => TAKE_BACKS.includes(l.event.type);
/** The one who had a taken-back item: the borrower, reader or bearer of what the return ends. */
const leaver = (l: EventLine) => {
  const o = l.openedBy?.payload ?? {};
  return field(o, 'borrower.name') || field(o, 'reader.name') || field(o, 'bearer.name') || (l.peer ? field(l.peer.payload, 'from.name') : '');
};

export const CARRIER_REGISTERS: CarrierRegister[] = [
  {
    id: 'receipts',
    rows: lines(['received'], { closingTypes: ['returned_to_issuer', 'destroyed'] }),
    definition: {
      title: '收文登记簿',
      orientation: 'landscape',
      level,
      fontPt: 8,
      columns: [
        seq,
        { header: '收文编号', width: 9, value: (l) => p(l, 'receiptNo') },
        { header: '收文日期', width: 8, value: (l) => l.event.occurredOn },
        { header: '来文单位', width: 10, value: (l) => l.carrier.issuer },
        { header: '文号', width: 10, value: (l) => l.carrier.docNo },
        title,
        marking,
        { header: '份数', width: 4, value: (l) => String(l.carrier.copies) },
        copyNo,
        { header: '载体类型', width: 6, value: (l) => lookup(CARRIER_TYPE_LABELS, l.carrier.carrierType) },
        { header: '签收人', width: 7, value: (l) => p(l, 'receiver.name') },
        { header: '去向', width: 7, value: whereabouts },
        { header: '清退/销毁日期', width: 8, value: (l) => l.closedBy?.occurredOn ?? '' },
        { header: '备注', width: 8, value: (l) => l.carrier.note },
      ],
    },
  },
  {
    id: 'dispatches',
    rows: lines(['distributed']),
    definition: {
      title: '发文（分发）登记簿',
      orientation: 'landscape',
      level,
      columns: [
        { header: '发文编号', width: 9, value: (l) => p(l, 'dispatchNo') },
        date,
        title,
        { header: '文号', width: 10, value: (l) => l.carrier.docNo },
        marking,
        { header: '份数', width: 4, value: (l) => String(l.carrier.copies) },
        copyNo,
        { header: '收件单位/人', width: 11, value: (l) => `${p(l, 'recipient.department')} ${p(l, 'recipient.name')}`.trim() },
        { header: '传递方式', width: 10, value: (l) => `${lookup(TRANSFER_METHOD_LABELS, p(l, 'transfer.method'))} ${p(l, 'transfer.couriers')}`.trim() },
        sig('签收人'),
        sig('签收时间'),
      ],
    },
  },
  {
    id: 'loans',
    rows: lines(['lent', 'circulated'], { closingTypes: ['loan_returned', 'circulation_returned'], ...OUT_ENDS }),
    definition: {
      title: '借阅（传阅）登记表',
      orientation: 'landscape',
      level,
      fontPt: 8,
      columns: [
        date,
        num,
        title,
        marking,
        copyNo,
        { header: '借阅人/部门', width: 10, value: (l) => `${p(l, 'borrower.name') || p(l, 'reader.name')} ${p(l, 'borrower.department') || p(l, 'reader.department')}`.trim() },
        { header: '事由', width: 9, value: (l) => (l.event.type === 'circulated' ? '传阅' : p(l, 'reason')) },
        { ...approver, value: (l) => (l.event.type === 'circulated' ? '—' : approver.value(l)) },
        { header: '应还日期', width: 8, value: (l) => p(l, 'dueOn') },
        { header: '实还日期', width: 8, value: (l) => l.closedBy?.occurredOn ?? '' },
        { header: '归还核验', width: 7, value: (l) => (l.closedBy ? (l.closedBy.payload.intact ? '完好' : `不完整 ${field(l.closedBy.payload, 'note')}`) : unreturned(l)) },
        sig('借阅人签字'),
        sig('接收人签字'),
      ],
    },
  },
  {
    id: 'copies',
    rows: (db, req) => withCopiesNow(db, lines(['copied'])(db, req)),
    definition: {
      title: '复制（摘录、汇编）审批登记表',
      orientation: 'landscape',
      level,
      columns: [
        { header: '原件编号/标题/密级', width: 26, value: (l) => `${l.carrier.number} ${l.carrier.title} ${l.marking}` },
        { header: '方式', width: 5, value: (l) => lookup(SOURCE_LABELS, p(l, 'kind')) },
        { header: '份数', width: 4, value: (l) => p(l, 'count') },
        { header: '复制件编号/份号', width: 16, value: copiesNow },
        { header: '申请人', width: 7, value: (l) => p(l, 'applicant.name') },
        approver,
        { header: '复制人', width: 7, value: (l) => p(l, 'maker.name') },
        date,
        { header: '去向', width: 9, value: (l) => p(l, 'destination') },
      ],
    },
  },
  {
    id: 'trips',
    rows: lines(['taken_out'], { closingTypes: ['brought_back'], ...OUT_ENDS }),
    definition: {
      title: '携带外出审批登记表',
      orientation: 'landscape',
      level,
      columns: [
        { header: '载体', width: 24, value: (l) => `${l.carrier.number} ${l.carrier.title}` },
        marking,
        { header: '携带人', width: 8, value: (l) => p(l, 'bearer.name') },
        { header: '事由/去向', width: 16, value: (l) => `${p(l, 'reason')}／${p(l, 'destination')}` },
        { header: '起止日期', width: 14, value: (l) => `${l.event.occurredOn} 至 ${p(l, 'untilOn')}` },
        approver,
        { header: '返回日期', width: 8, value: (l) => l.closedBy?.occurredOn ?? unreturned(l) },
        sig('返回核验签字', 10),
      ],
    },
  },
  {
    id: 'handovers',
    rows: handoverLines,
    definition: {
      title: '清退、移交登记表',
      orientation: 'landscape',
      level,
      columns: [
        { header: '载体', width: 24, value: (l) => `${l.carrier.number} ${l.carrier.title}` },
        marking,
        copyNo,
        { header: '类别', width: 5, value: (l) => (l.event.type === 'handed_over' ? '移交' : isTakeBack(l) ? '收回' : '清退') },
        { header: '移交人', width: 8, value: (l) => (isTakeBack(l) ? leaver(l) : p(l, 'from.name') || l.event.actor) },
        { header: '接收人', width: 9, value: (l) => p(l, 'to.name') || p(l, 'receiver.name') || p(l, 'checkedBy.name') },
        date,
        sig('双方签字', 12),
        { header: '监交领导', width: 7, value: (l) => p(l, 'leader.name') || (l.peer ? field(l.peer.payload, 'leader.name') : '') },
        sig('领导签字', 8),
      ],
    },
  },
  {
    id: 'destructions',
    rows: lines(['destroyed']),
    definition: {
      title: '销毁审批登记表（销毁清单）',
      orientation: 'landscape',
      level,
      fontPt: 7.5,
      columns: [
        seq,
        { header: '编号', width: 9, value: (l) => l.carrier.number },
        { header: '标题', width: 16, value: (l) => l.carrier.title },
        { header: '文号', width: 9, value: (l) => l.carrier.docNo },
        { header: '密级', width: 8, value: (l) => l.marking },
        { header: '份数/份号', width: 7, value: (l) => `${l.carrier.copies}／${l.carrier.copyNumbers}` },
        { header: '页数/容量', width: 6, value: (l) => (l.carrier.pages ? `${l.carrier.pages}页` : l.carrier.capacity) },
        { header: '类型', width: 5, value: (l) => lookup(CARRIER_TYPE_LABELS, l.carrier.carrierType) },
        { header: '理由', width: 8, value: (l) => p(l, 'reason') },
        { header: '申请人', width: 6, value: (l) => p(l, 'applicant.name') },
        { header: '审批人', width: 6, value: (l) => p(l, 'approval.approver.name') },
        { header: '方式', width: 7, value: (l) => lookup(DESTRUCTION_METHOD_LABELS, p(l, 'method')) },
        { header: '地点', width: 9, value: (l) => p(l, 'place') },
        { header: '日期', width: 8, value: (l) => l.event.occurredOn },
        { header: '监销人①', width: 6, value: (l) => field({ w: (l.event.payload.witnesses as unknown[] | undefined)?.[0] }, 'w.name') },
        { header: '监销人②', width: 6, value: (l) => field({ w: (l.event.payload.witnesses as unknown[] | undefined)?.[1] }, 'w.name') },
        { header: '销毁人', width: 6, value: (l) => p(l, 'destroyer.name') },
      ],
    },
  },
];

export type { RegisterId };
