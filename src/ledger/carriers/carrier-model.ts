import { z } from 'zod';
import { LEVELS, type Level } from '../classification/levels';
import { termSchema, type Term } from '../classification/term';
import { personRefSchema } from '../people/person-ref';
import { dateSchema as date, idSchema as id, textSchema as text } from '../field-schemas';

export const CARRIER_STATES = [
  'in_store',
  'circulating',
  'lent',
  'taken_out',
  'pending_return',
  'returned',
  'archived',
  'pending_destruction',
  'destroyed',
  'declassified',
  'missing',
] as const;
export type CarrierState = (typeof CARRIER_STATES)[number];

export const STATE_LABELS: Record<CarrierState, string> = {
  in_store: '在库',
  circulating: '传阅中',
  lent: '借出',
  taken_out: '携带外出',
  pending_return: '待清退',
  returned: '已清退',
  archived: '已归档',
  pending_destruction: '待销毁',
  destroyed: '已销毁',
  declassified: '已解密',
  missing: '下落不明',
};

export const CARRIER_TYPES = ['paper', 'disc', 'magnetic', 'av', 'other'] as const;
export const CARRIER_TYPE_LABELS: Record<(typeof CARRIER_TYPES)[number], string> = {
  paper: '纸质',
  disc: '光盘',
  magnetic: '磁介质',
  av: '录音录像',
  other: '其他',
};

export const SOURCES = ['received', 'self_made', 'copy', 'excerpt', 'compilation', 'print'] as const;
export type CarrierSource = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<CarrierSource, string> = {
  received: '收文',
  self_made: '自制',
  copy: '复制',
  excerpt: '摘录',
  compilation: '汇编',
  print: '打印',
};


/** What the officer types when a carrier enters the ledger (received or made in-house). */
export const carrierFieldsSchema = z
  .object({
    number: text(40).optional(),
    docNo: text(60).default(''),
    title: z.string().trim().min(1, '标题不能为空').max(200),
    carrierType: z.enum(CARRIER_TYPES),
    issuer: text(100).default(''),
    level: z.enum(LEVELS),
    term: termSchema.nullish(),
    classifiedOn: date,
    scope: text(200).default(''),
    copies: z.number().int().min(1).max(9999),
    copyNumbers: text(100).default(''),
    pages: z.number().int().min(1).max(99999).nullish(),
    capacity: text(40).default(''),
    classifier: text(40).default(''),
    classifyBasis: text(200).default(''),
    custodianId: id,
    cabinetId: id.nullish(),
    note: text(500).default(''),
  })
  .strict();
export type CarrierFields = z.output<typeof carrierFieldsSchema>;
export type CarrierFieldsInput = z.input<typeof carrierFieldsSchema>;

export { APPROVER_ROLES, APPROVER_ROLE_LABELS, approvalSchema, type Approval } from '../approvals';

/** by hand of named people or the confidential courier; ordinary post is never allowed. */
export const TRANSFER_METHODS = ['by_hand', 'confidential_courier', 'ordinary_post'] as const;
export const TRANSFER_METHOD_LABELS: Record<(typeof TRANSFER_METHODS)[number], string> = {
  by_hand: '专人送达',
  confidential_courier: '机要交通',
  ordinary_post: '普通邮寄',
};

export const transferSchema = z
  .object({ method: z.enum(TRANSFER_METHODS), couriers: z.array(personRefSchema).max(4).default([]) })
  .strict();

export const DESTRUCTION_METHODS = ['shredding', 'pulping', 'incineration', 'degaussing', 'physical_destruction'] as const;
export const DESTRUCTION_METHOD_LABELS: Record<(typeof DESTRUCTION_METHODS)[number], string> = {
  shredding: '碎纸机粉碎',
  pulping: '送销毁点化浆',
  incineration: '焚烧',
  degaussing: '消磁',
  physical_destruction: '物理销毁',
};

/** The projection row, as the app reads it. */
export interface Carrier {
  id: string;
  number: string;
  receiptNo: string | null;
  dispatchNo: string | null;
  docNo: string;
  title: string;
  carrierType: (typeof CARRIER_TYPES)[number];
  issuer: string;
  level: Level;
  term: Term | null;
  classifiedOn: string;
  expiresOn: string | null;
  scope: string;
  copies: number;
  copyNumbers: string;
  pages: number | null;
  capacity: string;
  source: CarrierSource;
  parentId: string | null;
  classifier: string;
  classifyBasis: string;
  custodianId: string | null;
  cabinetId: string | null;
  state: CarrierState;
  holderId: string | null;
  dueOn: string | null;
  lostOn: string | null;
  receivedOn: string;
  note: string;
  lastEventId: number;
}

