import { appendAudit } from '../audit/audit-log';
import { mutate } from '../audit/mutate';
import type { SlotKind } from './key-slots';
import type { OpenVault } from './open-vault';
import type { ThrottleState } from './unlock-throttle';

/** Said wherever a damaged record of failed unlocks changes what the officer sees. */
export const THROTTLE_DAMAGED = '解锁失败记录文件 unlock-failures.json 已损坏，已按最长等待时间处理';

const isSound = (v: OpenVault): boolean => v.integrity.cipherOk && v.integrity.quickCheck.join() === 'ok';

/**
 * Writes what happened before this unlock (the failed attempts, a damaged record of them)
 * and the unlock itself into the audit log, in one transaction. Returns how many failures
 * were recorded.
 */
export function recordUnlock(vault: OpenVault, before: ThrottleState, kind: SlotKind, now: string): { failures: number } {
  // One time for the unlock's entries: read once per entry, the outer one (vault.unlocked,
  // written last) could carry a time earlier than the entries before it.
  mutate(vault.db, now, (db) => {
    if (before.damagedAt !== null) {
      // The failures written before the damage are lost; that there was damage is not.
      appendAudit(db, now, { actor: 'system', action: 'vault.unlock_record_damaged', payload: { foundAt: before.damagedAt } });
    }
    for (const f of before.failures) {
      appendAudit(db, now, { actor: 'unidentified', action: 'vault.unlock_failed', payload: f });
    }
    return {
      result: null,
      audit: {
        actor: vault.meta.officerName,
        action: 'vault.unlocked',
        payload: { method: kind, integrityOk: isSound(vault), chainOk: vault.chain.ok },
      },
    };
  });
  return { failures: before.failures.length };
}
