import { hostname } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors/app-error';

/**
 * One process at a time may hold a vault open (the app, or the CLI). The lock names its
 * owner so that a lock left by a crashed process on this machine can be taken over.
 */
export class VaultLockFile {
  private held = false;

  constructor(private readonly file: string) {}

  acquire(): void {
    if (this.held) return;
    const me = JSON.stringify({ pid: process.pid, host: hostname() });
    try {
      writeFileSync(this.file, me, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!this.isStale()) {
        throw new AppError('VAULT_IN_USE', '台账已被另一个程序实例打开，请先关闭它');
      }
      rmSync(this.file, { force: true });
      writeFileSync(this.file, me, { flag: 'wx', mode: 0o600 });
    }
    this.held = true;
  }

  release(): void {
    if (!this.held) return;
    rmSync(this.file, { force: true });
    this.held = false;
  }

  private isStale(): boolean {
    try {
      const owner = JSON.parse(readFileSync(this.file, 'utf8')) as { pid?: number; host?: string };
      if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
      process.kill(owner.pid, 0);
      return false;
    } catch (e) {
      // ESRCH: no such process, the lock is stale. Unreadable lock: written by a crash.
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ESRCH' || e instanceof SyntaxError;
    }
  }
}
