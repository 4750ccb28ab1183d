import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Failed unlocks are kept outside the encrypted database (which cannot be written without
 * the key) so that the growing delay survives a restart, and so that the next successful
 * unlock can copy them into the audit log. The file holds no secret: times and methods.
 */
const failureSchema = z.object({ at: z.string(), method: z.enum(['passphrase', 'recovery']) });
const stateSchema = z.object({ failures: z.array(failureSchema), notBefore: z.string().nullable() });

export type UnlockFailure = z.infer<typeof failureSchema>;
export type ThrottleState = z.infer<typeof stateSchema>;

const FREE_ATTEMPTS = 3;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** No wait for the first three failures, then 1 s, 2 s, 4 s … up to five minutes. */
export function delayAfterFailures(count: number): number {
  if (count < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (count - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export class UnlockThrottle {
  constructor(private readonly file: string) {}

  read(): ThrottleState {
    if (!existsSync(this.file)) return { failures: [], notBefore: null };
    try {
      return stateSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged file must not let anyone skip the delay: treat it as one more failure.
      return { failures: [{ at: new Date(0).toISOString(), method: 'passphrase' }], notBefore: null };
    }
  }

  retryAfterMs(nowMs: number): number {
    const { notBefore } = this.read();
    return notBefore === null ? 0 : Math.max(0, Date.parse(notBefore) - nowMs);
  }

  recordFailure(nowMs: number, method: UnlockFailure['method']): ThrottleState {
    const state = this.read();
    const failures = [...state.failures, { at: new Date(nowMs).toISOString(), method }];
    const delay = delayAfterFailures(failures.length);
    const next = { failures, notBefore: delay > 0 ? new Date(nowMs + delay).toISOString() : null };
    writeFileAtomic(this.file, JSON.stringify(next));
    return next;
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
