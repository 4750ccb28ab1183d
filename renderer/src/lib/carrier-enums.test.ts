import { describe, expect, it } from 'vitest';
// people.ts writes to the database and is imported only here, to check the clearance list
// the renderer repeats; the other lists are the core's own, re-exported.
import * as core from '../../../src/ledger/carriers/carrier-model';
import { EVENT_LABELS } from '../../../src/ledger/carriers/carrier-rules';
import { CLEARANCE_LABELS, CLEARANCES as CORE_CLEARANCES } from '../../../src/ledger/people/people';
import { LEVEL_LABELS } from '../../../src/ledger/classification/levels';
import { zhVocab } from '../i18n/zh-cn-vocab';
import * as mine from './carrier-enums';

describe("the renderer's vocabularies match the core's", () => {
  it('lists the same values in the same order', () => {
    expect(mine.CARRIER_STATES).toEqual(core.CARRIER_STATES);
    expect(mine.CARRIER_TYPES).toEqual(core.CARRIER_TYPES);
    expect(mine.SOURCES).toEqual(core.SOURCES);
    expect(mine.APPROVER_ROLES).toEqual(core.APPROVER_ROLES);
    expect(mine.DESTRUCTION_METHODS).toEqual(core.DESTRUCTION_METHODS);
    expect(mine.TRANSFER_METHODS).toEqual(core.TRANSFER_METHODS);
    expect(mine.CLEARANCES).toEqual(CORE_CLEARANCES);
  });

  it('shows the Chinese labels the core prints on registers', () => {
    expect(zhVocab.carrierState).toEqual(core.STATE_LABELS);
    expect(zhVocab.carrierType).toEqual(core.CARRIER_TYPE_LABELS);
    expect(zhVocab.source).toEqual(core.SOURCE_LABELS);
    expect(zhVocab.approverRole).toEqual(core.APPROVER_ROLE_LABELS);
    expect(zhVocab.destructionMethod).toEqual(core.DESTRUCTION_METHOD_LABELS);
    expect(zhVocab.transferMethod).toEqual(core.TRANSFER_METHOD_LABELS);
    expect(zhVocab.clearance).toEqual(CLEARANCE_LABELS);
    expect(zhVocab.level).toEqual(LEVEL_LABELS);
    expect(zhVocab.event).toEqual(EVENT_LABELS);
  });
});
