import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error';
import { VaultLockFile } from './vault-lock-file';

const dirs: string[] = [];
const locks: VaultLockFile[] = [];
afterEach(() => {
  locks.splice(0).forEach((l) => l.release());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-lock-'));
  dirs.push(dir);
  return join(dir, 'vault.lock');
}

const lockFile = (file: string): VaultLockFile => {
  const l = new VaultLockFile(file);
  locks.push(l);
  return l;
};

const code = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};

const bootId = (): string | null => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
};
const thisBoot = () => ({ bootId: bootId(), bootTime: Date.now() - uptime() * 1000, uptime: uptime() });

/** What a lock another process (PID 1 is alive, and never ours) left says. */
const written = (file: string, owner: Record<string, unknown>) => writeFileSync(file, JSON.stringify({ pid: 1, host: hostname(), ...owner }));

describe('vault lock file', () => {
  it('records the boot it was taken in, and a live owner of this boot keeps it', () => {
    const file = lockPath();
    lockFile(file).acquire();
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    expect(typeof owner.bootTime).toBe('number');
    expect(typeof owner.uptime).toBe('number');
    locks.splice(0).forEach((l) => l.release());

    written(file, thisBoot());
    expect(code(() => lockFile(file).acquire())).toBe('VAULT_IN_USE');
    // Without a boot id (Windows), the boot time within its tolerance says the same boot.
    written(file, { ...thisBoot(), bootId: undefined, bootTime: Date.now() - uptime() * 1000 - 30_000 });
    expect(code(() => lockFile(file).acquire())).toBe('VAULT_IN_USE');
    // A lock of an older version, written in this boot.
    written(file, {});
    expect(code(() => lockFile(file).acquire())).toBe('VAULT_IN_USE');
  });

  it('a lock left with this very process’s PID (a previous run, before a power cut) is taken over', () => {
    const file = lockPath();
    written(file, { pid: process.pid, ...thisBoot() });
    expect(code(() => lockFile(file).acquire())).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('but a lock this process holds through another instance is not', () => {
    const file = lockPath();
    lockFile(file).acquire();
    expect(code(() => lockFile(file).acquire())).toBe('VAULT_IN_USE');
  });

  it('a lock from a previous boot is taken over though its PID is alive now', () => {
    const file = lockPath();
    const earlier = Date.now() - uptime() * 1000 - 3 * 24 * 3600_000;
    // Linux: another boot id.
    written(file, { ...thisBoot(), bootId: '00000000-0000-4000-8000-000000000000', bootTime: earlier });
    expect(code(() => lockFile(file).acquire())).toBeNull();
    locks.splice(0).forEach((l) => l.release());
    // No boot id (Windows): the boot time differs by more than the tolerance.
    written(file, { bootTime: earlier, uptime: 1 });
    expect(code(() => lockFile(file).acquire())).toBeNull();
    locks.splice(0).forEach((l) => l.release());
    // Uptime on record above today's: there was a reboot in between, whatever the clock says.
    written(file, { ...thisBoot(), bootId: undefined, uptime: uptime() + 3600 });
    expect(code(() => lockFile(file).acquire())).toBeNull();
    locks.splice(0).forEach((l) => l.release());
    // A lock of an older version, written before this boot.
    written(file, {});
    const before = (Date.now() - uptime() * 1000) / 1000 - 3600;
    utimesSync(file, before, before);
    expect(code(() => lockFile(file).acquire())).toBeNull();
  });
});
