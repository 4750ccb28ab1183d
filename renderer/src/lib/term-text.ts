import { formatTerm, type Term } from '../../../src/ledger/classification/term';

/**
 * 保密期限 typed as the officer writes it on paper: `10年` or `10` (years),
 * `6个月` (months, under a year), `长期`, or a condition in words (`至项目验收`).
 * Blank means "not stated": the core then applies the level's maximum.
 */
export type ParsedTerm =
  | { ok: true; term: Term | null }
  | { ok: false; problem: 'years' | 'months' | 'monthsOverYear' | 'tooLong' };

const YEARS = /^(\d{1,3})\s*年?$/;
const MONTHS = /^(\d{1,3})\s*(?:个月|月)$/;

export function parseTermText(text: string): ParsedTerm {
  const s = text.trim();
  if (s === '') return { ok: true, term: null };
  if (s === '长期') return { ok: true, term: { kind: 'long' } };
  const y = YEARS.exec(s);
  if (y) {
    const value = Number(y[1]);
    return value >= 1 && value <= 30 ? { ok: true, term: { kind: 'years', value } } : { ok: false, problem: 'years' };
  }
  const m = MONTHS.exec(s);
  if (m) {
    const value = Number(m[1]);
    if (value >= 12) return { ok: false, problem: 'monthsOverYear' };
    return value >= 1 ? { ok: true, term: { kind: 'months', value } } : { ok: false, problem: 'months' };
  }
  if (s.length > 60) return { ok: false, problem: 'tooLong' };
  return { ok: true, term: { kind: 'condition', text: s } };
}

/** The term as the officer types it: as in the marking, but a condition without its 至. */
export const termToText = (term: Term | null): string => (term?.kind === 'condition' ? term.text : formatTerm(term));
