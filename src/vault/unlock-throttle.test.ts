import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { fails } from '../testing/refusal';
import { createdVault, GOOD_PASSPHRASE, type TempVault } from '../testing/temp-vault';
import { MAX_DELAY_MS } from './unlock-throttle';

const open: TempVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.cleanup()));

async function lockedWithFailures(count: number): Promise<TempVault> {
  const v = await createdVault();
  open.push(v);
  const vault = v.services.vault;
  vault.lock('manual');
  for (let i = 0; i < count; i++) {
    await fails(vault.unlock(`Wrong#Pass${i}`));
    v.clock.advance(vault.status().retryAfterMs);
  }
  return v;
}

describe('unlock delay and the clock', () => {
  it('a clock put back a day waits what the failures earned, not the day', async () => {
    const v = await lockedWithFailures(2);
    const vault = v.services.vault;
    await fails(vault.unlock('Wrong#Pass2'));
    expect(vault.status().retryAfterMs).toBe(1000);
    v.clock.advance(-24 * 3600_000);
    const e = await fails(vault.unlock(GOOD_PASSPHRASE));
    expect(e.code).toBe('THROTTLED');
    expect(e.message).toBe('尝试次数过多，请 1 秒后再试');
    expect(vault.status().retryAfterMs).toBe(1000);
    // The wait counts from now: once it has passed, the vault opens though the clock is still behind.
    v.clock.advance(1000);
    await vault.unlock(GOOD_PASSPHRASE);
    expect(vault.status().state).toBe('unlocked');
  });

  it('a CMOS reset by years never waits longer than five minutes', async () => {
    const v = await lockedWithFailures(12);
    const vault = v.services.vault;
    v.clock.advance(-7 * 365 * 24 * 3600_000);
    await fails(vault.unlock('Wrong#PassY'));
    expect(vault.status().retryAfterMs).toBe(MAX_DELAY_MS);
    v.clock.advance(-365 * 24 * 3600_000);
    expect(vault.status().retryAfterMs).toBe(MAX_DELAY_MS);
    v.clock.advance(MAX_DELAY_MS);
    expect(vault.status().retryAfterMs).toBe(0);
  });
});

describe('a damaged record of failed unlocks', () => {
  it('imposes the longest wait and says so, and the next unlock puts the damage in the audit log', async () => {
    const v = await lockedWithFailures(4);
    const vault = v.services.vault;
    const file = join(v.dir, 'unlock-failures.json');
    writeFileSync(file, '{');
    const s = vault.status();
    expect(s.retryAfterMs).toBe(MAX_DELAY_MS);
    expect(s.notice).toContain('unlock-failures.json 已损坏');
    const e = await fails(vault.unlock(GOOD_PASSPHRASE));
    expect(e.code).toBe('THROTTLED');
    expect(e.message).toBe('解锁失败记录文件 unlock-failures.json 已损坏，已按最长等待时间处理：请 300 秒后再试');
    // The finding is written back: reading again does not restart the wait.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ damagedAt: v.clock.now().toISOString() });
    v.clock.advance(60_000);
    expect(vault.status().retryAfterMs).toBe(MAX_DELAY_MS - 60_000);
    v.clock.advance(MAX_DELAY_MS - 60_000);
    // Until a success, every failure waits the longest.
    await fails(vault.unlock('Wrong#PassZ'));
    expect(vault.status().retryAfterMs).toBe(MAX_DELAY_MS);
    v.clock.advance(MAX_DELAY_MS);
    await vault.unlock(GOOD_PASSPHRASE);
    const actions = listAudit(vault.requireOpen().db, 5).map((a) => a.action);
    expect(actions).toContain('vault.unlock_record_damaged');
    expect(actions.filter((a) => a === 'vault.unlock_failed')).toHaveLength(1);
    expect(vault.status()).toMatchObject({ failedAttempts: 0, retryAfterMs: 0, notice: null });
  });

  it('a record whose time cannot be read counts as damaged too', async () => {
    const v = await lockedWithFailures(0);
    writeFileSync(join(v.dir, 'unlock-failures.json'), JSON.stringify({ failures: [], notBefore: 'soon' }));
    expect(v.services.vault.status().retryAfterMs).toBe(MAX_DELAY_MS);
  });
});
