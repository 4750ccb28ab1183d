import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error';
import { JobProgress } from './job-progress';

type Phase = 'one' | 'two';

describe('JobProgress', () => {
  it('reports idle before any job, the job phases while it runs, and done after', async () => {
    const job = new JobProgress<Phase>('busy');
    expect(job.read()).toEqual({ running: false, phase: 'idle', fraction: 0 });
    const seen: unknown[] = [];
    const value = await job.run('one', async (report) => {
      seen.push(job.read());
      report({ phase: 'two', fraction: 0.5 });
      seen.push(job.read());
      return 42;
    });
    expect(value).toBe(42);
    expect(seen).toEqual([
      { running: true, phase: 'one', fraction: 0 },
      { running: true, phase: 'two', fraction: 0.5 },
    ]);
    expect(job.read()).toEqual({ running: false, phase: 'done', fraction: 1 });
  });

  it('a failed job keeps the fraction where it stopped and rethrows', async () => {
    const job = new JobProgress<Phase>('busy');
    await expect(
      job.run('one', async (report) => {
        report({ phase: 'two', fraction: 0.3 });
        throw new Error('medium removed');
      }),
    ).rejects.toThrow('medium removed');
    expect(job.read()).toEqual({ running: false, phase: 'failed', fraction: 0.3 });
  });

  it('refuses a second job while one runs, with the given message, and leaves the first alone', async () => {
    const job = new JobProgress<Phase>('已有任务正在进行');
    let release!: () => void;
    const first = job.run('one', () => new Promise<string>((r) => (release = () => r('first'))));
    const second = job.run('one', async () => 'second').catch((e: unknown) => e);
    const refused = await second;
    expect(isAppError(refused) && refused.code).toBe('CONFLICT');
    expect(isAppError(refused) && refused.message).toBe('已有任务正在进行');
    expect(job.read().running).toBe(true);
    release();
    expect(await first).toBe('first');
    // After the end, a new job may start.
    expect(await job.run('two', async () => 'third')).toBe('third');
  });

  it('hands out copies: a caller cannot change the reading', () => {
    const job = new JobProgress<Phase>('busy');
    const r = job.read();
    r.running = true;
    expect(job.read().running).toBe(false);
  });
});
