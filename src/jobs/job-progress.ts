import { AppError } from '../errors/app-error';

/**
 * Where a long job stands, as the window polls it: a backup, a test restore, a restore or
 * an unlock. `phase` is one of the job's own phases while it runs.
 */
export interface JobReading<P extends string = string> {
  running: boolean;
  phase: P | 'idle' | 'done' | 'failed';
  fraction: number;
}

export type ReportProgress<P extends string> = (p: { phase: P; fraction: number }) => void;

/**
 * One job at a time, and its readings. The bookkeeping lived in four places that had
 * drifted apart (one reset a failed job's fraction, the others kept it); here a job that
 * ends keeps its last reading (done, or failed where it stopped) for a poll that comes
 * after the end, until the next job starts.
 */
export class JobProgress<P extends string> {
  private reading: JobReading<P> = { running: false, phase: 'idle', fraction: 0 };

  /** `busyMessage` refuses a second job while one runs: two would fight over the same files. */
  constructor(private readonly busyMessage = '已有任务正在进行，请等待其完成') {}

  read(): JobReading<P> {
    return { ...this.reading };
  }

  /** Refuses now, before any slow preparation, when a job is already running. */
  refuseWhileRunning(): void {
    if (this.reading.running) throw new AppError('CONFLICT', this.busyMessage);
  }

  async run<T>(first: P, job: (report: ReportProgress<P>) => Promise<T>): Promise<T> {
    this.refuseWhileRunning();
    this.reading = { running: true, phase: first, fraction: 0 };
    try {
      const value = await job((p) => {
        this.reading = { running: true, phase: p.phase, fraction: p.fraction };
      });
      this.reading = { running: false, phase: 'done', fraction: 1 };
      return value;
    } catch (e) {
      this.reading = { running: false, phase: 'failed', fraction: this.reading.fraction };
      throw e;
    }
  }
}
