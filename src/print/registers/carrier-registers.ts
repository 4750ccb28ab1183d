import type { Db } from '../../db/open-database';
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
import { eventLines, field, lookup, seq, sig, type EventLine } from './register-rows';

/** Registers 1-7 of DOMAIN §6: their columns, and the events each one lists. */
export type CarrierRegister = RegisterSpec<EventLine>;

const level = (l: EventLine) => l.carrier.level;
const p = (l: EventLine, path: string) => field(l.event.payload, path);
const date = { header: '日期', width: 8, value: (l: EventLine) => l.event.occurredOn };
const num = { header: '载体编号', width: 10, value: (l: EventLine) => l.carrier.number };
const title = { header: '标题', width: 22, value: (l: EventLine) => l.carrier.title };
const marking = { header: '密级★期限', width: 9, value: (l: EventLine) => l.marking };
const copyNo = { header: '份号', width: 6, value: (l: EventLine) => l.carrier.copyNumbers };
const approver = { header: '批准人', width: 8, value: (l: EventLine) => `${p(l, 'approval.approver.name')}${p(l, 'approval.role') ? `（${lookup(APPROVER_ROLE_LABELS, p(l, 'approval.role'))}）` : ''}` };

const lines =
  (types: string[], closingTypes?: string[]) =>
  (db: Db, req: ParsedPrintRequest) =>
    eventLines(db, { types, from: req.from, to: req.to, levels: req.levels, ...(closingTypes ? { closingTypes } : {}) });

/** Where the item is now, for 去向: its state, and who holds it if anyone. */
const whereabouts = (l: EventLine) => lookup(STATE_LABELS, l.carrier.state);

export const CARRIER_REGISTERS: CarrierRegister[] = [
  {
    id: 'receipts',
    rows: lines(['received'], ['returned_to_issuer', 'destroyed']),
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
    rows: lines(['lent', 'circulated'], ['loan_returned', 'circulation_returned']),
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
        { header: '归还核验', width: 7, value: (l) => (l.closedBy ? (l.closedBy.payload.intact ? '完好' : `不完整 ${field(l.closedBy.payload, 'note')}`) : '') },
        sig('借阅人签字'),
        sig('接收人签字'),
      ],
    },
  },
  {
    id: 'copies',
    rows: lines(['copied']),
    definition: {
      title: '复制（摘录、汇编）审批登记表',
      orientation: 'landscape',
      level,
      columns: [
        { header: '原件编号/标题/密级', width: 26, value: (l) => `${l.carrier.number} ${l.carrier.title} ${l.marking}` },
        { header: '方式', width: 5, value: (l) => lookup(SOURCE_LABELS, p(l, 'kind')) },
        { header: '份数', width: 4, value: (l) => p(l, 'count') },
        { header: '复制件编号/份号', width: 16, value: (l) => ((l.event.payload.copies as { number: string; copyNumber: string }[] | undefined) ?? []).map((c) => `${c.number}（${c.copyNumber}）`).join('、') },
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
    rows: lines(['taken_out'], ['brought_back']),
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
        { header: '返回日期', width: 8, value: (l) => l.closedBy?.occurredOn ?? '' },
        sig('返回核验签字', 10),
      ],
    },
  },
  {
    id: 'handovers',
    rows: lines(['handed_over', 'returned_to_issuer']),
    definition: {
      title: '清退、移交登记表',
      orientation: 'landscape',
      level,
      columns: [
        { header: '载体', width: 24, value: (l) => `${l.carrier.number} ${l.carrier.title}` },
        marking,
        copyNo,
        { header: '类别', width: 5, value: (l) => (l.event.type === 'handed_over' ? '移交' : '清退') },
        { header: '移交人', width: 8, value: (l) => p(l, 'from.name') || l.event.actor },
        { header: '接收人', width: 9, value: (l) => p(l, 'to.name') || p(l, 'receiver.name') },
        date,
        sig('双方签字', 12),
        { header: '监交领导', width: 7, value: (l) => p(l, 'leader.name') },
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
