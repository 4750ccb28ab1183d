import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupProgress } from '../backup/backup-service';
import { withProgress } from './cli-backup';

afterEach(() => vi.useRealTimers());

describe('CLI progress', () => {
  it('long work says its phase and percentage on standard error once a second, and nothing after it ends', async () => {
    vi.useFakeTimers();
    const err: string[] = [];
    const io = { readStdin: async () => '', out: () => {}, err: (l: string) => err.push(l) };
    let progress: BackupProgress = { running: true, phase: 'copy', fraction: 0.25 };
    let finish = () => {};
    const done = withProgress(io, () => progress, () => new Promise<string>((resolve) => (finish = () => resolve('ok'))));
    await vi.advanceTimersByTimeAsync(1000);
    progress = { running: true, phase: 'checks', fraction: 0.5 };
    await vi.advanceTimersByTimeAsync(1000);
    finish();
    expect(await done).toBe('ok');
    await vi.advanceTimersByTimeAsync(3000);
    expect(err).toEqual(['  复制 copy 25%', '  完整性与审计链 integrity and chain 50%']);
  });
});
