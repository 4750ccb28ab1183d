import type { CarrierState } from '../../../../../src/ledger/carriers/carrier-model';
import { ALLOWED_FROM, type TransitionType } from '../../../../../src/ledger/carriers/carrier-states';

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

// The core's own state machine (pure data), so a button is offered exactly when main would
// accept the event; main checks again anyway.
export { ALLOWED_FROM };

export const actionsFor = (state: CarrierState): ActionId[] =>
  ACTION_IDS.filter((a) => ALLOWED_FROM[ACTION_EVENT[a]].includes(state));

export const canCorrect = (state: CarrierState): boolean => ALLOWED_FROM.corrected.includes(state);
