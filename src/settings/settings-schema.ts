import { z } from 'zod';

/**
 * Every "default" of DOMAIN.md is a unit setting; changing one is audited. Numbering
 * patterns take `{year}` and `{seq}` (zero-padded to seqDigits).
 */
const pattern = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((p) => p.includes('{seq}'), { message: '编号格式必须包含 {seq}' });

export const settingsSchema = z.object({
  idleMinutes: z.number().int().min(1).max(240),
  passphraseMinLength: z.number().int().min(8).max(64),
  maxLoanDays: z.number().int().min(1).max(366),
  maxCirculationDays: z.number().int().min(1).max(31),
  reviewWarningDays: z.number().int().min(1).max(365),
  maxTermYearsJuemi: z.number().int().min(1).max(30),
  maxTermYearsJimi: z.number().int().min(1).max(20),
  maxTermYearsMimi: z.number().int().min(1).max(10),
  carrierNumberPattern: pattern,
  receiptNumberPattern: pattern,
  dispatchNumberPattern: pattern,
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
});

export type Settings = z.infer<typeof settingsSchema>;

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
};

export const settingsPatchSchema = settingsSchema.partial().strict();
