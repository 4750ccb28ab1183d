/**
 * The carrier state machine as data: which state each event may leave from, where it
 * leaves the carrier, and its name. Pure (no Node, no database), so the renderer offers
 * exactly the actions the core will accept.
 */
import type { CarrierState } from './carrier-model';

export type TransitionType =
  | 'distributed'
  | 'circulated'
  | 'circulation_returned'
  | 'lent'
  | 'loan_returned'
  | 'taken_out'
  | 'brought_back'
  | 'copied'
  | 'reclassified'
  | 'declassified'
  | 'marked_for_return'
  | 'handed_over'
  | 'returned_to_issuer'
  | 'archived'
  | 'destruction_requested'
  | 'destroyed'
  | 'lost'
  | 'found'
  | 'corrected';

/** In the unit's own keeping: what a count at the cabinets expects to see. */
export const HELD: readonly CarrierState[] = ['in_store', 'pending_return', 'archived', 'declassified', 'pending_destruction'];
/** Away with a person who must bring it back by its due date. */
export const OUT_STATES = ['lent', 'circulating', 'taken_out'] as const satisfies readonly CarrierState[];
export const isOut = (state: string): boolean => (OUT_STATES as readonly string[]).includes(state);

/** No longer a secret the unit must review: its term ends nothing. */
export const TERM_CLOSED_STATES = ['destroyed', 'returned', 'declassified'] as const satisfies readonly CarrierState[];
/** Still the unit's and accounted for: held, or out with someone. */
export const ACTIVE: readonly CarrierState[] = [...HELD, ...OUT_STATES];

/** Which states each event may leave from: the carrier state machine. */
export const ALLOWED_FROM: Record<TransitionType, readonly CarrierState[]> = {
  distributed: ['in_store'],
  circulated: ['in_store'],
  circulation_returned: ['circulating'],
  lent: ['in_store'],
  loan_returned: ['lent'],
  taken_out: ['in_store'],
  brought_back: ['taken_out'],
  copied: ['in_store'],
  reclassified: ['in_store', 'pending_return', 'archived'],
  declassified: ['in_store', 'pending_return', 'archived'],
  marked_for_return: ['in_store'],
  handed_over: HELD,
  returned_to_issuer: ['in_store', 'pending_return'],
  archived: ['in_store', 'declassified'],
  destruction_requested: ['in_store', 'pending_return', 'archived', 'declassified'],
  destroyed: ['in_store', 'pending_destruction', 'archived', 'declassified'],
  lost: ACTIVE,
  found: ['missing'],
  corrected: [...ACTIVE, 'missing', 'returned', 'destroyed'],
};

/**
 * Where each event leaves the carrier ('same': the state does not change; 'before_loss':
 * back to the state it was in when reported missing, see stateBeforeLoss).
 */
export const NEXT_STATE: Record<TransitionType, CarrierState | 'same' | 'before_loss'> = {
  distributed: 'same',
  circulated: 'circulating',
  circulation_returned: 'in_store',
  lent: 'lent',
  loan_returned: 'in_store',
  taken_out: 'taken_out',
  brought_back: 'in_store',
  copied: 'same',
  reclassified: 'same',
  declassified: 'declassified',
  marked_for_return: 'pending_return',
  handed_over: 'same',
  returned_to_issuer: 'returned',
  archived: 'archived',
  destruction_requested: 'pending_destruction',
  destroyed: 'destroyed',
  lost: 'missing',
  found: 'before_loss',
  corrected: 'same',
};

/**
 * Where a found item goes back, read from its events: the state it was in when it
 * was reported missing, so that an item awaiting destruction, archived or declassified does
 * not come back as 在库 and lose that state. One that went missing while lent, circulating
 * or out comes back to the store: it is found and brought in, the loan or trip is over.
 * A loss records the state it left (formerState) and a finding the state it restored;
 * older records without them are replayed (their finding went back to 在库, as it did then).
 * Corrections change fields, not states, and are skipped.
 */
export function stateBeforeLoss(events: readonly { type: string; corrects: number | null; payload: Record<string, unknown> }[]): CarrierState {
  let state: CarrierState = 'in_store';
  let beforeLoss: CarrierState = 'in_store';
  for (const e of events) {
    if (e.corrects !== null) continue;
    if (e.type === 'lost') beforeLoss = (e.payload.formerState as CarrierState | undefined) ?? state;
    const to = e.type === 'found' ? ((e.payload.restoredState as CarrierState | undefined) ?? 'in_store') : NEXT_STATE[e.type as TransitionType];
    // The registration events (收文, 登记, 复制生成) are not in the table: they start 在库.
    if (to !== undefined && to !== 'same' && to !== 'before_loss') state = to;
  }
  return isOut(beforeLoss) ? 'in_store' : beforeLoss;
}

export const EVENT_LABELS: Record<TransitionType | 'received' | 'registered' | 'copy_created', string> = {
  received: '收文登记',
  registered: '登记',
  copy_created: '复制生成',
  distributed: '分发',
  circulated: '传阅',
  circulation_returned: '传阅归还',
  lent: '借阅',
  loan_returned: '借阅归还',
  taken_out: '携带外出',
  brought_back: '外出带回',
  copied: '复制/摘录/汇编',
  reclassified: '变更密级',
  declassified: '解密',
  marked_for_return: '列入清退',
  handed_over: '移交',
  returned_to_issuer: '清退',
  archived: '归档',
  destruction_requested: '申请销毁',
  destroyed: '销毁',
  lost: '报告下落不明',
  found: '找回',
  corrected: '更正',
};
