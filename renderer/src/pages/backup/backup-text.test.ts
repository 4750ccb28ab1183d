import { describe, expect, it } from 'vitest';
import type { BackupPhase } from '../../../../src/backup/backup-service';
import { DEFAULT_SETTINGS } from '../../../../src/settings/settings-schema';
import { DEFAULT_BACKUP_SETTINGS, formatBytes, overallPercent, phaseOf, restorePercent, verifyPercent, verifyPhaseOf } from './backup-text';

describe('backup texts', () => {
  it('one bar over the phases: copying fills most of it, done is full, idle is empty', () => {
    expect(overallPercent({ phase: 'idle', fraction: 0 })).toBe(0);
    expect(overallPercent({ phase: 'snapshot', fraction: 0 })).toBe(2);
    expect(overallPercent({ phase: 'copy', fraction: 0 })).toBe(5);
    expect(overallPercent({ phase: 'copy', fraction: 0.5 })).toBe(30);
    expect(overallPercent({ phase: 'copy', fraction: 7 })).toBe(55);
    expect(overallPercent({ phase: 'verify', fraction: 0 })).toBe(55);
    expect(overallPercent({ phase: 'verify', fraction: 1 })).toBe(99);
    expect(overallPercent({ phase: 'done', fraction: 1 })).toBe(100);
    expect(phaseOf({ phase: 'something-new' as BackupPhase })).toBe('idle');
  });

  it('a test restore fills its bar phase by phase and never passes 99% before its answer', () => {
    expect(verifyPercent({ phase: 'open', fraction: 0 })).toBe(0);
    expect(verifyPercent({ phase: 'hash', fraction: 0.4 })).toBe(20);
    expect(verifyPercent({ phase: 'checks', fraction: 0.5 })).toBe(67);
    expect(verifyPercent({ phase: 'checks', fraction: 1 })).toBe(99);
    expect(verifyPhaseOf({ phase: 'snapshot' })).toBe('open');
    expect([restorePercent({ phase: 'checks', fraction: 1 }), restorePercent({ phase: 'swap', fraction: 0 }), restorePercent({ phase: 'reopen', fraction: 0 })]).toEqual([45, 45, 60]);
  });

  it('sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 2 ** 20)).toBe('3.0 MiB');
    expect(formatBytes(8 * 2 ** 30)).toBe('8.0 GiB');
    expect(formatBytes(-1)).toBe('—');
  });

  it("the fallbacks are the core's defaults", () => {
    expect(DEFAULT_BACKUP_SETTINGS).toEqual({ backupMaxAgeDays: DEFAULT_SETTINGS.backupMaxAgeDays, backupRetention: DEFAULT_SETTINGS.backupRetention });
  });
});
