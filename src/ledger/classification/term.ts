import dayjs from 'dayjs';
import { z } from 'zod';
import { LEVEL_LABELS, type Level } from './levels';

/**
 * 保密期限 in years (a year or more), months (under a year), 长期, or a condition in
 * words. Counted from the 定密日期 marked on the item.
 */
export const termSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('years'), value: z.number().int().min(1).max(30) }),
  z.object({ kind: z.literal('months'), value: z.number().int().min(1).max(11) }),
  z.object({ kind: z.literal('long') }),
  z.object({ kind: z.literal('condition'), text: z.string().trim().min(1).max(60) }),
]);
export type Term = z.infer<typeof termSchema>;

/** R-03 defaults, in years, used when the item states no term (unit-adjustable). */
export const DEFAULT_MAX_TERM_YEARS: Record<Exclude<Level, 'neibu'>, number> = { juemi: 30, jimi: 20, mimi: 10 };

export function defaultTerm(level: Level, maxYears = DEFAULT_MAX_TERM_YEARS): Term | null {
  return level === 'neibu' ? null : { kind: 'years', value: maxYears[level] };
}

/** 到期日, or null when the term has no date (长期, a condition, or 内部 without a term). */
export function expiryDate(classifiedOn: string, term: Term | null): string | null {
  if (!term) return null;
  if (term.kind === 'years') return dayjs(classifiedOn).add(term.value, 'year').format('YYYY-MM-DD');
  if (term.kind === 'months') return dayjs(classifiedOn).add(term.value, 'month').format('YYYY-MM-DD');
  return null;
}

export function formatTerm(term: Term | null): string {
  if (!term) return '';
  switch (term.kind) {
    case 'years':
      return `${term.value}年`;
    case 'months':
      return `${term.value}个月`;
    case 'long':
      return '长期';
    case 'condition':
      return term.text.startsWith('至') ? term.text : `至${term.text}`;
  }
}

/** R-02 marking as printed and shown: `机密★10年`, `秘密★6个月`, `绝密★长期`, `内部`. */
export function formatMarking(level: Level, term: Term | null): string {
  const t = formatTerm(term);
  return t ? `${LEVEL_LABELS[level]}★${t}` : LEVEL_LABELS[level];
}

/** Stored form of a term: three columns, so that SQL can filter on the kind. */
export interface TermColumns {
  term_kind: string;
  term_value: number | null;
  term_condition: string | null;
}

export const termToColumns = (t: Term | null): TermColumns => ({
  term_kind: t?.kind ?? 'none',
  term_value: t && (t.kind === 'years' || t.kind === 'months') ? t.value : null,
  term_condition: t?.kind === 'condition' ? t.text : null,
});

export function termFromColumns(c: TermColumns): Term | null {
  switch (c.term_kind) {
    case 'years':
    case 'months':
      return { kind: c.term_kind, value: c.term_value ?? 0 };
    case 'long':
      return { kind: 'long' };
    case 'condition':
      return { kind: 'condition', text: c.term_condition ?? '' };
    default:
      return null;
  }
}
