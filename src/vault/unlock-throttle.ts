import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Failed unlocks are kept outside the encrypted database (which cannot be written without
 * the key) so that the growing delay survives a restart, and so that the next successful
 * unlock can copy them into the audit log. The file holds no secret: times and methods.
 */
const failureSchema = z.object({ at: z.string(), method: z.enum(['passphrase', 'recovery']) });
const stateSchema = z.object({
  failures: z.array(failureSchema),
  notBefore: z.string().nullable(),
  // When the file was found damaged: kept until a successful unlock puts it in the audit log.
  damagedAt: z.string().nullable().default(null),
});

export type UnlockFailure = z.infer<typeof failureSchema>;
export type ThrottleState = z.infer<typeof stateSchema>;

const FREE_ATTEMPTS = 3;
const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

/** No wait for the first three failures, then 1 s, 2 s, 4 s … up to five minutes. */
export function delayAfterFailures(count: number): number {
  if (count < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (count - FREE_ATTEMPTS), MAX_DELAY_MS);
}

const EMPTY: ThrottleState = { failures: [], notBefore: null, damagedAt: null };

/** The wait the recorded failures have earned: the longest once the record was damaged. */
const earnedDelay = (s: ThrottleState): number => (s.damagedAt !== null ? MAX_DELAY_MS : delayAfterFailures(s.failures.length));

export class UnlockThrottle {
  constructor(private readonly file: string) {}

  read(nowMs: number): ThrottleState {
    if (!existsSync(this.file)) return EMPTY;
    try {
      const state = stateSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (state.notBefore !== null && !Number.isFinite(Date.parse(state.notBefore))) throw new Error('notBefore');
      return state;
    } catch {
      return this.damaged(nowMs);
    }
  }

  /**
   * A damaged file must not let anyone skip the delay (nor lock the officer out for good):
   * it imposes the longest wait from when it was found, and every failure until the next
   * successful unlock waits as long. The finding is written back, so that it is counted
   * once and reaches the audit log.
   */
  private damaged(nowMs: number): ThrottleState {
    const state: ThrottleState = { failures: [], notBefore: new Date(nowMs + MAX_DELAY_MS).toISOString(), damagedAt: new Date(nowMs).toISOString() };
    try {
      writeFileAtomic(this.file, JSON.stringify(state));
      return state;
    } catch {
      // Left damaged on disk: the wait counts from the damage, so it still ends.
      const since = Math.min(nowMs, statSync(this.file, { throwIfNoEntry: false })?.mtimeMs ?? nowMs);
      return { ...state, notBefore: new Date(since + MAX_DELAY_MS).toISOString() };
    }
  }

  /**
   * At most the wait the failures earned. A later time on record means the clock was put
   * back since (by hand, or a CMOS reset by years): the wait then starts again from now
   * instead of lasting the whole difference.
   */
  retryAfterMs(nowMs: number): number {
    const state = this.read(nowMs);
    if (state.notBefore === null) return 0;
    const remaining = Math.max(0, Date.parse(state.notBefore) - nowMs);
    const cap = earnedDelay(state);
    if (remaining <= cap) return remaining;
    try {
      writeFileAtomic(this.file, JSON.stringify({ ...state, notBefore: new Date(nowMs + cap).toISOString() }));
    } catch {
      // A folder that cannot be written: each reading says the cap again until the clock has
      // caught up, never the whole difference.
    }
    return cap;
  }

  recordFailure(nowMs: number, method: UnlockFailure['method']): ThrottleState {
    const state = this.read(nowMs);
    const failures = [...state.failures, { at: new Date(nowMs).toISOString(), method }];
    const delay = earnedDelay({ ...state, failures });
    const next: ThrottleState = { failures, notBefore: delay > 0 ? new Date(nowMs + delay).toISOString() : null, damagedAt: state.damagedAt };
    writeFileAtomic(this.file, JSON.stringify(next));
    return next;
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
