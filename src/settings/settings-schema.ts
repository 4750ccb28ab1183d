import { z } from 'zod';
import { idSchema } from '../ledger/field-schemas';

/**
 * Every "default" of DOMAIN.md is a unit setting; changing one is audited. Numbering
 * patterns take `{year}` and `{seq}` (zero-padded to seqDigits).
 */
const storedPattern = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((p) => p.includes('{seq}'), { message: '编号格式必须包含 {seq}' });

/**
 * Each sequence restarts at 1 every year (numbering.ts keys it by year), so a pattern
 * without the year would hand out next year's first number again (SW-0001 twice).
 */
const pattern = (what: string) =>
  storedPattern.refine((p) => p.includes('{year}'), {
    message: `${what}必须包含 {year}：流水号每年从 1 重新编起，不含年份的编号会与往年的重复`,
  });

/** R-12: the sources' ranges (核心 3-5, 重要 2-3, 一般 1-2 years) start at these; units may extend. */
const declassYears = (who: string, min: number) =>
  z.number().int().min(min, `R-12：${who}的脱密期不得少于 ${min} 年`).max(10, `${who}的脱密期不得超过 10 年`);

/**
 * What a stored ledger may hold. Kept at the bounds of earlier versions: a ledger saved
 * before a rule was tightened must still open; the tightened rule applies when saving.
 */
export const storedSettingsSchema = z.object({
  idleMinutes: z.number().int().min(1).max(240),
  passphraseMinLength: z.number().int().min(8).max(64),
  maxLoanDays: z.number().int().min(1).max(366),
  maxCirculationDays: z.number().int().min(1).max(31),
  reviewWarningDays: z.number().int().min(1).max(365),
  maxTermYearsJuemi: z.number().int().min(1).max(30),
  maxTermYearsJimi: z.number().int().min(1).max(20),
  maxTermYearsMimi: z.number().int().min(1).max(10),
  carrierNumberPattern: storedPattern,
  receiptNumberPattern: storedPattern,
  dispatchNumberPattern: storedPattern,
  seqDigits: z.number().int().min(1).max(8),
  passwordIntervalDaysJuemi: z.number().int().min(1).max(365),
  passwordIntervalDaysJimi: z.number().int().min(1).max(365),
  passwordIntervalDaysMimi: z.number().int().min(1).max(365),
  computerPasswordMinLengthJuemi: z.number().int().min(8).max(64),
  computerPasswordMinLengthJimi: z.number().int().min(8).max(64),
  computerPasswordMinLengthMimi: z.number().int().min(8).max(64),
  backupRetention: z.number().int().min(1).max(100),
  backupMaxAgeDays: z.number().int().min(1).max(365),
  declassYearsCore: z.number().int().min(0).max(10),
  declassYearsImportant: z.number().int().min(0).max(10),
  declassYearsGeneral: z.number().int().min(0).max(10),
  /**
   * 本机, the ledger's computer of the computers ledger; backup media are checked
   * against it. Null until the officer names it (ledgers from before it existed).
   */
  hostComputerId: idSchema.nullable(),
});

/** What a save may set: the stored bounds plus the rules tightened since. */
export const settingsSchema = storedSettingsSchema.extend({
  carrierNumberPattern: pattern('载体编号格式'),
  receiptNumberPattern: pattern('收文编号格式'),
  dispatchNumberPattern: pattern('发文编号格式'),
  declassYearsCore: declassYears('核心涉密人员', 3),
  declassYearsImportant: declassYears('重要涉密人员', 2),
  declassYearsGeneral: declassYears('一般涉密人员', 1),
});

export type Settings = z.infer<typeof storedSettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  idleMinutes: 10,
  passphraseMinLength: 8,
  maxLoanDays: 30,
  maxCirculationDays: 30,
  reviewWarningDays: 90,
  maxTermYearsJuemi: 30,
  maxTermYearsJimi: 20,
  maxTermYearsMimi: 10,
  carrierNumberPattern: 'ZT-{year}-{seq}',
  receiptNumberPattern: 'SW-{year}-{seq}',
  dispatchNumberPattern: 'FW-{year}-{seq}',
  seqDigits: 4,
  passwordIntervalDaysJuemi: 7,
  passwordIntervalDaysJimi: 7,
  passwordIntervalDaysMimi: 30,
  computerPasswordMinLengthJuemi: 10,
  computerPasswordMinLengthJimi: 10,
  computerPasswordMinLengthMimi: 8,
  backupRetention: 5,
  backupMaxAgeDays: 7,
  declassYearsCore: 3,
  declassYearsImportant: 2,
  declassYearsGeneral: 1,
  hostComputerId: null,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
