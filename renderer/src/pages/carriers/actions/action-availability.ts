import type { CarrierState } from '../../../../../src/ledger/carriers/carrier-model';
import type { TransitionType } from '../../../../../src/ledger/carriers/carrier-rules';

/** The buttons on a carrier's page, in the order they are shown. */
export const ACTION_IDS = [
  'returnLoan',
  'returnCirculation',
  'bringBack',
  'markFound',
  'lend',
  'circulate',
  'distribute',
  'copy',
  'takeOut',
  'reclassify',
  'declassify',
  'markForReturn',
  'returnToIssuer',
  'archive',
  'requestDestruction',
  'destroy',
  'reportLost',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export const ACTION_EVENT: Record<ActionId, TransitionType> = {
  lend: 'lent',
  returnLoan: 'loan_returned',
  circulate: 'circulated',
  returnCirculation: 'circulation_returned',
  distribute: 'distributed',
  copy: 'copied',
  takeOut: 'taken_out',
  bringBack: 'brought_back',
  reclassify: 'reclassified',
  declassify: 'declassified',
  markForReturn: 'marked_for_return',
  returnToIssuer: 'returned_to_issuer',
  archive: 'archived',
  requestDestruction: 'destruction_requested',
  destroy: 'destroyed',
  reportLost: 'lost',
  markFound: 'found',
};

const HELD: CarrierState[] = ['in_store', 'pending_return', 'archived', 'declassified', 'pending_destruction'];
const ACTIVE: CarrierState[] = [...HELD, 'circulating', 'lent', 'taken_out'];

/**
 * The core's state machine (carrier-rules.ts ALLOWED_FROM, which the renderer cannot
 * bundle), repeated so a button is offered only when main would accept the event;
 * action-availability.test.ts checks both tables agree. Main checks again anyway.
 */
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

export const actionsFor = (state: CarrierState): ActionId[] =>
  ACTION_IDS.filter((a) => ALLOWED_FROM[ACTION_EVENT[a]].includes(state));

export const canCorrect = (state: CarrierState): boolean => ALLOWED_FROM.corrected.includes(state);
