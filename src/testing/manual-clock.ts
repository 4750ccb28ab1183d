import type { Clock } from '../clock';

/** A clock for tests: time moves only when the test says, and due timers then fire. */
export class ManualClock implements Clock {
  private t: number;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;

  constructor(start = '2026-11-22T09:00:00.000Z') {
    this.t = Date.parse(start);
  }

  now = (): Date => new Date(this.t);

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  advance(ms: number): void {
    this.t += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= this.t && this.timers.has(id)) {
        this.timers.delete(id);
        timer.fn();
      }
    }
  }
}
