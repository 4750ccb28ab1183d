import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, storedSettingsSchema } from './settings-schema';

const messages = (patch: unknown): string[] => {
  const r = settingsPatchSchema.safeParse(patch);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('settings schema', () => {
  it('accepts the defaults, as saved and as stored', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(storedSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('numbering patterns must contain {year}: every sequence restarts yearly, so SW-{seq} would repeat SW-0001', () => {
    expect(messages({ receiptNumberPattern: 'SW-{seq}' })).toEqual(['收文编号格式必须包含 {year}：流水号每年从 1 重新编起，不含年份的编号会与往年的重复']);
    expect(messages({ dispatchNumberPattern: 'FW-{seq}' })).toEqual([expect.stringMatching(/^发文编号格式必须包含 \{year\}/)]);
    expect(messages({ carrierNumberPattern: 'ZT{seq}' })).toEqual([expect.stringMatching(/^载体编号格式必须包含 \{year\}/)]);
    expect(messages({ receiptNumberPattern: '收{year}第{seq}号' })).toEqual([]);
    // A ledger whose stored pattern predates the rule still opens.
    expect(storedSettingsSchema.parse({ ...DEFAULT_SETTINGS, receiptNumberPattern: 'SW-{seq}' }).receiptNumberPattern).toBe('SW-{seq}');
  });

  it('R-12 脱密期 minimums: 核心 3, 重要 2, 一般 1 years (the low end of the sources\' ranges)', () => {
    expect(messages({ declassYearsCore: 0 })).toEqual(['R-12：核心涉密人员的脱密期不得少于 3 年']);
    expect(messages({ declassYearsCore: 2 })).toEqual(['R-12：核心涉密人员的脱密期不得少于 3 年']);
    expect(messages({ declassYearsImportant: 1 })).toEqual(['R-12：重要涉密人员的脱密期不得少于 2 年']);
    expect(messages({ declassYearsGeneral: 0 })).toEqual(['R-12：一般涉密人员的脱密期不得少于 1 年']);
    expect(messages({ declassYearsCore: 3, declassYearsImportant: 2, declassYearsGeneral: 1 })).toEqual([]);
    expect(messages({ declassYearsCore: 5, declassYearsImportant: 3, declassYearsGeneral: 2 })).toEqual([]);
    expect(messages({ declassYearsCore: 11 })).toEqual(['核心涉密人员的脱密期不得超过 10 年']);
  });

  it('R-11 / backups: idle lock, retention and verified-backup age have a floor and a ceiling', () => {
    for (const patch of [{ idleMinutes: 0 }, { idleMinutes: 241 }, { backupRetention: 0 }, { backupMaxAgeDays: 0 }, { backupMaxAgeDays: 366 }]) {
      expect(messages(patch), JSON.stringify(patch)).not.toEqual([]);
    }
  });
});
