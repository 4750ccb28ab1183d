/**
 * The ledger's fixed vocabularies in Chinese are the core's own labels (the same words the
 * registers print); only the clearance names are repeated, as people.ts writes to the
 * database and cannot be bundled (carrier-enums.test.ts checks they agree).
 */
import { LEVEL_LABELS } from '../../../src/ledger/classification/levels';
import {
  APPROVER_ROLE_LABELS,
  CARRIER_TYPE_LABELS,
  DESTRUCTION_METHOD_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  TRANSFER_METHOD_LABELS,
} from '../../../src/ledger/carriers/carrier-model';
import { EVENT_LABELS } from '../../../src/ledger/carriers/carrier-states';

export const EVENT_LABELS_ZH = EVENT_LABELS;

export const zhVocab = {
  level: LEVEL_LABELS,
  carrierState: STATE_LABELS,
  carrierType: CARRIER_TYPE_LABELS,
  source: SOURCE_LABELS,
  approverRole: APPROVER_ROLE_LABELS,
  transferMethod: TRANSFER_METHOD_LABELS,
  destructionMethod: DESTRUCTION_METHOD_LABELS,
  clearance: { core: '核心', important: '重要', general: '一般' },
  copyKind: { copy: '复制', excerpt: '摘录', compilation: '汇编' },
  declassifyBasis: { decision: '原定密机关决定解密', term_expired: '保密期限届满' },
  event: EVENT_LABELS_ZH,
};
