import { describe, expect, it } from 'vitest';
import { ALLOWED_FROM as CORE_ALLOWED_FROM } from '../../../../../src/ledger/carriers/carrier-rules';
import { actionsFor, ALLOWED_FROM, canCorrect } from './action-availability';

describe('actions offered by state', () => {
  it('follow the core state machine exactly', () => {
    expect(ALLOWED_FROM).toEqual(CORE_ALLOWED_FROM);
  });

  it('in store: every action of issue 3 §4 except the check-ins', () => {
    expect(actionsFor('in_store')).toEqual([
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
    ]);
  });

  it('out of the cabinet: only the matching return, or 报告下落不明', () => {
    expect(actionsFor('lent')).toEqual(['returnLoan', 'reportLost']);
    expect(actionsFor('circulating')).toEqual(['returnCirculation', 'reportLost']);
    expect(actionsFor('taken_out')).toEqual(['bringBack', 'reportLost']);
    expect(actionsFor('missing')).toEqual(['markFound']);
    expect(actionsFor('destroyed')).toEqual([]);
    expect(canCorrect('destroyed')).toBe(true);
    expect(canCorrect('declassified')).toBe(true);
  });
});
