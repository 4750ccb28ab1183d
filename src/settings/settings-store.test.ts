import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { ledgerFixture, refused, TODAY, type LedgerFixture } from '../testing/ledger-fixture';
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

  it('refuses saving a numbering pattern without {year}, in Chinese, and writes nothing', () => {
    const e = refused(() => updateSettings(f.db, at, '张保密', { receiptNumberPattern: 'SW-{seq}' }));
    expect(e).toMatchObject({ code: 'VALIDATION', message: '收文编号格式必须包含 {year}：流水号每年从 1 重新编起，不含年份的编号会与往年的重复' });
    expect(refused(() => updateSettings(f.db, at, '张保密', { dispatchNumberPattern: 'FW-{seq}', idleMinutes: 15 })).message).toMatch(/^发文编号格式必须包含 \{year\}/);
    expect(readSettings(f.db)).toEqual(DEFAULT_SETTINGS);
    expect(settingsEntries()).toEqual([]);
  });

  it('R-12 refuses saving a 脱密期 below the minimums, in Chinese, and writes nothing', () => {
    expect(refused(() => updateSettings(f.db, at, '张保密', { declassYearsCore: 0 })).message).toBe('R-12：核心涉密人员的脱密期不得少于 3 年');
    expect(refused(() => updateSettings(f.db, at, '张保密', { declassYearsImportant: 1 })).message).toBe('R-12：重要涉密人员的脱密期不得少于 2 年');
    expect(refused(() => updateSettings(f.db, at, '张保密', { declassYearsGeneral: 0 })).message).toBe('R-12：一般涉密人员的脱密期不得少于 1 年');
    expect(settingsEntries()).toEqual([]);
    expect(updateSettings(f.db, at, '张保密', { declassYearsCore: 5, declassYearsImportant: 3, declassYearsGeneral: 2 })).toMatchObject({ declassYearsCore: 5 });
  });

  it('still opens a ledger whose stored values predate the tightened rules, and saves other settings beside them', () => {
    const store = f.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    store.run('receiptNumberPattern', JSON.stringify('SW-{seq}'));
    store.run('declassYearsGeneral', JSON.stringify(0));
    expect(readSettings(f.db)).toMatchObject({ receiptNumberPattern: 'SW-{seq}', declassYearsGeneral: 0 });
    // The form sends every rule back; the old values it leaves alone do not block the save.
    expect(updateSettings(f.db, at, '张保密', { idleMinutes: 15, receiptNumberPattern: 'SW-{seq}' })).toMatchObject({ idleMinutes: 15, receiptNumberPattern: 'SW-{seq}' });
    expect(settingsEntries().map((e) => e.payload)).toEqual([{ changes: { idleMinutes: { from: DEFAULT_SETTINGS.idleMinutes, to: 15 } } }]);
    // Changing the old value is a save, and meets today's rule.
    expect(refused(() => updateSettings(f.db, at, '张保密', { receiptNumberPattern: 'SW{seq}' })).message).toMatch(/^收文编号格式必须包含 \{year\}/);
    expect(updateSettings(f.db, at, '张保密', { receiptNumberPattern: 'SW-{year}-{seq}' }).receiptNumberPattern).toBe('SW-{year}-{seq}');
  });
});
