import { z } from 'zod';
import { LEVELS, type Level } from '../ledger/classification/levels';
import { dateSchema as date, idSchema } from '../ledger/field-schemas';

/** Registers of DOMAIN §6: 1-7 carriers, 8-11 and 13 computers and media. */
export const REGISTER_IDS = [
  'receipts',
  'dispatches',
  'loans',
  'copies',
  'trips',
  'handovers',
  'destructions',
  'computers',
  'usage',
  'repairs',
  'media',
  'media_uses',
  'backups',
  'inspection',
  'discrepancy',
] as const;
export type RegisterId = (typeof REGISTER_IDS)[number];


export const printRequestSchema = z
  .object({
    registerId: z.enum(REGISTER_IDS),
    from: date,
    to: date,
    levels: z.array(z.enum(LEVELS)).max(4).default([]),
    /** A blank form for filling in by hand: headers, marking line and empty ruled rows. */
    blank: z.boolean().default(false),
    /** The computer (register 9), inspection run (12) or reconciliation session printed. */
    subjectId: idSchema.nullish(),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type PrintRequest = z.input<typeof printRequestSchema>;

export const registerPrintoutSchema = z
  .object({
    request: printRequestSchema,
    pages: z.number().int().min(1).max(9999),
    custodianId: idSchema,
    cabinetId: idSchema.nullish(),
  })
  .strict();

export type ParsedPrintRequest = z.output<typeof printRequestSchema>;

export interface RegisterInfo {
  id: RegisterId;
  title: string;
  orientation: 'portrait' | 'landscape';
  /** What the register needs chosen besides dates: register 9 is one computer's book. */
  subject: 'computer' | 'inspection' | 'reconciliation' | null;
  /** A ledger prints the current state; the others list what happened in the dates. */
  snapshot: boolean;
}

export interface PrintPreview {
  registerId: RegisterId;
  title: string;
  html: string;
  rowCount: number;
  /** Highest level among the printed rows; null for a register with no rows. */
  level: Level | null;
  marking: string;
}

/** What the platform does with a finished document (Electron in the app, Chromium in tests). */
export interface Printer {
  /** Opens the system print dialog; false when the officer cancelled it. */
  print(html: string, opts: { landscape: boolean }): Promise<boolean>;
  /** Asks where to save and writes the PDF; null when cancelled. Returns the page count too. */
  savePdf(html: string, opts: { landscape: boolean; suggestedName: string }): Promise<{ path: string; pages: number } | null>;
}
