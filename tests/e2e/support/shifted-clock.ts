import { systemClock, type Clock } from '../../../src/clock';

/**
 * The machine's clock, moved forward on demand: a spec can step into next month (the core
 * refuses a monthly run for a month still to come) while timers keep real time.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  now = (): Date => new Date(Date.now() + this.offsetMs);
  setTimeout = systemClock.setTimeout;
  clearTimeout = systemClock.clearTimeout;

  /** From now on the core's time reads as `iso` plus whatever time passes after. */
  jumpTo(iso: string): void {
    const target = Date.parse(iso);
    if (target < this.now().getTime()) throw new Error(`the clock only moves forward: ${iso}`);
    this.offsetMs = target - Date.now();
  }
}
