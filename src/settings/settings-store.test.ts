import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { ledgerFixture, TODAY, type LedgerFixture } from '../testing/ledger-fixture';
import { DEFAULT_SETTINGS } from './settings-schema';
import { readSettings, updateSettings } from './settings-store';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const at = `${TODAY}T04:00:00.000Z`;
const settingsEntries = () => listAudit(f.db, 1000).filter((e) => e.action === 'settings.updated');

describe('updateSettings', () => {
  it('audits a real change with what changed', () => {
    expect(updateSettings(f.db, at, '张保密', { idleMinutes: 15 })).toMatchObject({ idleMinutes: 15 });
    expect(settingsEntries().map((e) => e.payload)).toEqual([{ changes: { idleMinutes: { from: DEFAULT_SETTINGS.idleMinutes, to: 15 } } }]);
  });

  it('writes no audit entry when the values are the ones already stored', () => {
    updateSettings(f.db, at, '张保密', { idleMinutes: 15 });
    const before = listAudit(f.db, 1000).length;
    expect(updateSettings(f.db, at, '张保密', { idleMinutes: 15, passphraseMinLength: DEFAULT_SETTINGS.passphraseMinLength })).toEqual(readSettings(f.db));
    expect(updateSettings(f.db, at, '张保密', { carrierNumberPattern: ` ${DEFAULT_SETTINGS.carrierNumberPattern} ` })).toMatchObject({ idleMinutes: 15 });
    expect(updateSettings(f.db, at, '张保密', {})).toMatchObject({ idleMinutes: 15 });
    expect(listAudit(f.db, 1000)).toHaveLength(before);
    expect(settingsEntries()).toHaveLength(1);
  });

  it('still refuses an invalid value even when nothing else changes', () => {
    expect(() => updateSettings(f.db, at, '张保密', { idleMinutes: 0 })).toThrow();
    expect(settingsEntries()).toEqual([]);
  });
});
