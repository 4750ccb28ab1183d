import type { Db } from '../../db/open-database';
import { sql } from '../../db/statements';
import { ruleError } from '../rule-checks';
import { getCarrier } from './carrier-repo';
import type { Carrier } from './carrier-model';

/** The automatic 份号 of a copy ends in 复n; a typed one may too. */
const COPY_SUFFIX = /复(\d+)$/;

/**
 * The 份号 already given to an original's copies, destroyed or returned ones included,
 * since a number once used stays in the registers for good. `exceptId` leaves out one
 * copy (the one being corrected).
 */
function copiesNumbers(db: Db, originalId: string, exceptId?: string): string[] {
  const copies = sql(db, 'SELECT id, copy_numbers FROM carriers WHERE parent_id = ?').all(originalId) as { id: string; copy_numbers: string }[];
  return copies.filter((c) => c.id !== exceptId).map((c) => c.copy_numbers.trim()).filter((n) => n !== '');
}

/** A copy may not repeat its original's 份号 either: both are in the same registers. */
const usedCopyNumbers = (db: Db, original: Pick<Carrier, 'id' | 'copyNumbers'>, exceptId?: string): string[] =>
  [original.copyNumbers.trim(), ...copiesNumbers(db, original.id, exceptId)].filter((n) => n !== '');

function refuseUsed(original: Pick<Carrier, 'number'>, wanted: readonly string[], used: readonly string[]): void {
  const seen = new Set(used);
  for (const n of wanted.map((x) => x.trim()).filter((x) => x !== '')) {
    if (seen.has(n)) throw ruleError('R-25', `份号「${n}」在 ${original.number} 及其复制件中已经使用，每份复制件须有自己的份号`);
    seen.add(n);
  }
}

/**
 * each copy gets its own number. Typed numbers must be new within the original;
 * the automatic ones (`<original's 份号>-复n`) continue after the highest 复n already
 * given, so a second batch of copies does not start again at 复1.
 */
export function copyNumbersFor(db: Db, original: Pick<Carrier, 'id' | 'number' | 'copyNumbers'>, count: number, typed?: readonly string[]): string[] {
  if (typed) {
    refuseUsed(original, typed, usedCopyNumbers(db, original));
    return [...typed];
  }
  // Only the copies count: an original that is itself a copy ends in 复n of its own.
  const highest = Math.max(0, ...copiesNumbers(db, original.id).map((n) => Number(COPY_SUFFIX.exec(n)?.[1] ?? 0)));
  const prefix = original.copyNumbers ? `${original.copyNumbers}-` : '';
  return Array.from({ length: count }, (_, i) => `${prefix}复${highest + i + 1}`);
}

/** R-25 on a correction: a copy's corrected 份号 must not be one its original already gave. */
export function checkCorrectedCopyNumber(db: Db, copy: Pick<Carrier, 'id' | 'parentId'>, copyNumbers: string): void {
  if (!copy.parentId) return;
  const original = getCarrier(db, copy.parentId);
  refuseUsed(original, [copyNumbers], usedCopyNumbers(db, original, copy.id));
}
