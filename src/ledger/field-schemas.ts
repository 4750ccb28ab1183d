import { z } from 'zod';

const realDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A calendar day as the ledger stores it: YYYY-MM-DD, and a day that exists (no 02-30). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(realDay, '日期不存在');

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** A record's id: the ledger's own UUIDs; the bound stops an oversized input at the IPC boundary. */
export const idSchema = z.string().min(1).max(64);

/** Free text the officer types: trimmed, bounded, may be empty. */
export const textSchema = (max: number) => z.string().trim().max(max);
