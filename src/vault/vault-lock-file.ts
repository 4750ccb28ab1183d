import { hostname, uptime } from 'node:os';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../errors/app-error';

/** What a lock records of its owner: enough to tell a live owner from a reused PID. */
interface LockOwner {
  pid?: unknown;
  host?: unknown;
  /** Linux's per-boot UUID: exact, whatever the clock does. */
  bootId?: unknown;
  /** Wall-clock time of the owner's boot (ms), where no boot id exists (Windows). */
  bootTime?: unknown;
  /** Seconds since boot when the lock was taken: less now means a reboot since. */
  uptime?: unknown;
}

/**
 * Two readings of the boot time differ by the clock's adjustments since (NTP, the officer
 * correcting it by a minute): within this they are the same boot.
 */
const BOOT_TOLERANCE_MS = 2 * 60_000;

/** Files whose lock this process holds, through any instance (two services, one folder). */
const heldHere = new Set<string>();

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

const bootTime = (): number => Date.now() - uptime() * 1000;

/**
 * One process at a time may hold a vault open (the app, or the CLI). The lock names its
 * owner and the boot it ran in, so that a lock left by a crash or a power cut can be taken
 * over even when its PID now belongs to another process (PIDs restart at each boot), or to
 * this very one.
 */
export class VaultLockFile {
  private held = false;
  private readonly key: string;

  constructor(private readonly file: string) {
    this.key = resolve(file);
  }

  acquire(): void {
    if (this.held) return;
    if (heldHere.has(this.key)) throw inUse();
    const me = JSON.stringify({ pid: process.pid, host: hostname(), bootId: readBootId(), bootTime: bootTime(), uptime: uptime() });
    try {
      writeFileSync(this.file, me, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!this.isStale()) throw inUse();
      rmSync(this.file, { force: true });
      writeFileSync(this.file, me, { flag: 'wx', mode: 0o600 });
    }
    this.held = true;
    heldHere.add(this.key);
  }

  release(): void {
    if (!this.held) return;
    rmSync(this.file, { force: true });
    this.held = false;
    heldHere.delete(this.key);
  }

  private isStale(): boolean {
    let owner: LockOwner;
    try {
      owner = JSON.parse(readFileSync(this.file, 'utf8')) as LockOwner;
    } catch (e) {
      // Unreadable lock: written by a crash.
      return e instanceof SyntaxError;
    }
    if (owner === null || typeof owner !== 'object') return true;
    if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
    // This process does not hold it (checked in acquire): a previous run with the same PID did.
    if (owner.pid === process.pid) return true;
    if (fromEarlierBoot(owner, this.file)) return true;
    try {
      process.kill(owner.pid, 0);
      return false;
    } catch (e) {
      // ESRCH: no such process. EPERM: alive, someone else's.
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
}

/** A lock of an earlier boot is stale, whatever its PID now names. */
function fromEarlierBoot(owner: LockOwner, file: string): boolean {
  // Uptime only grows within a boot, whatever the clock does.
  if (typeof owner.uptime === 'number' && uptime() < owner.uptime) return true;
  const bootId = readBootId();
  if (typeof owner.bootId === 'string' && bootId !== null) return owner.bootId !== bootId;
  if (typeof owner.bootTime === 'number') return Math.abs(bootTime() - owner.bootTime) > BOOT_TOLERANCE_MS;
  // A lock of an older version records no boot: one written before this boot began is stale.
  const written = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  return written !== undefined && written < bootTime() - BOOT_TOLERANCE_MS;
}

const inUse = (): AppError => new AppError('VAULT_IN_USE', '台账已被另一个程序实例打开，请先关闭它');
