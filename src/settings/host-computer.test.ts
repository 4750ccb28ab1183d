import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { requestComputerScrap } from '../ledger/devices/computer-commands';
import { computer, ledgerFixture, refused, TODAY, type LedgerFixture } from '../testing/ledger-fixture';
import { DEFAULT_SETTINGS } from './settings-schema';
import { readSettings, updateSettings } from './settings-store';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const at = `${TODAY}T04:00:00.000Z`;
const settingsEntries = () => listAudit(f.db, 1000).filter((e) => e.action === 'settings.updated');
const setHost = (hostComputerId: string | null) => updateSettings(f.db, at, '张保密', { hostComputerId });

describe('本机 (hostComputerId)', () => {
  it('R-36 is unset by default, and a ledger stored before the setting existed opens with it unset', () => {
    expect(DEFAULT_SETTINGS.hostComputerId).toBeNull();
    f.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('backupMaxAgeDays', JSON.stringify(5));
    expect(readSettings(f.db)).toMatchObject({ backupMaxAgeDays: 5, hostComputerId: null });
  });

  it('R-36 names a computer of the ledger, is audited, and a save of the same host writes nothing', () => {
    const c = computer(f, 'JSJ-001');
    expect(setHost(c.id).hostComputerId).toBe(c.id);
    expect(readSettings(f.db).hostComputerId).toBe(c.id);
    const audited = listAudit(f.db, 1000).length;
    expect(setHost(c.id).hostComputerId).toBe(c.id);
    expect(listAudit(f.db, 1000)).toHaveLength(audited);
    expect(setHost(null).hostComputerId).toBeNull();
    // Newest first, as the audit log lists them.
    expect(settingsEntries().map((e) => e.payload)).toEqual([
      { changes: { hostComputerId: { from: c.id, to: null } } },
      { changes: { hostComputerId: { from: null, to: c.id } } },
    ]);
  });

  it('R-36 refuses a computer not in the ledger, in Chinese, and writes nothing', () => {
    expect(refused(() => setHost('no-such-computer'))).toMatchObject({ code: 'VALIDATION', message: '本机必须是计算机台账中登记的涉密计算机：未找到所选计算机' });
    expect(readSettings(f.db).hostComputerId).toBeNull();
    expect(settingsEntries()).toEqual([]);
  });

  it('R-36 refuses a computer pending scrap or destroyed: no medium may be used on it', () => {
    const c = computer(f, 'JSJ-002');
    requestComputerScrap(f.ctx(), { computerId: c.id, occurredOn: TODAY });
    expect(refused(() => setHost(c.id)).message).toBe('计算机 JSJ-002 当前状态为「待报废」，不能设为本机');
    expect(settingsEntries()).toEqual([]);
  });

  it('R-36 a host scrapped after it was named does not block saving other settings', () => {
    const c = computer(f, 'JSJ-003');
    setHost(c.id);
    requestComputerScrap(f.ctx(), { computerId: c.id, occurredOn: TODAY });
    expect(updateSettings(f.db, at, '张保密', { idleMinutes: 15, hostComputerId: c.id })).toMatchObject({ idleMinutes: 15, hostComputerId: c.id });
  });
});
