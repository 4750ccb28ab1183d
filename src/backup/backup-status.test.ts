import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFixture, medium, TODAY, type LedgerFixture } from '../testing/ledger-fixture';
import { reportMediumLost } from '../ledger/devices/medium-commands';
import { BackupService } from './backup-service';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

/** A backup row as the service records it; only status() reads these here. */
const backupRow = (mediumId: string, name: string, createdAt: string, verifiedOk: boolean) => {
  const eventId = (f.db.prepare('SELECT max(id) AS id FROM events').get() as { id: number }).id;
  f.db
    .prepare('INSERT INTO backups (id, medium_id, name, created_at, bytes, sha256, chain_seq, verified_at, verified_ok, event_id) VALUES (?, ?, ?, ?, 1, ?, 1, ?, ?, ?)')
    .run(name, mediumId, name, createdAt, name, createdAt.replace('T02', 'T03'), verifiedOk ? 1 : 0, eventId);
};

describe('backup status', () => {
  it('R-05 R-30 a backup on a medium reported lost is not a backup the unit has', () => {
    const lost = medium(f, 'BK-1');
    const kept = medium(f, 'BK-2');
    backupRow(kept.id, 'older', '2026-11-10T02:00:00.000Z', true);
    backupRow(lost.id, 'newer', '2026-11-18T02:00:00.000Z', true);
    const service = new BackupService({ context: () => f.ctx() } as never);
    expect(service.status()).toMatchObject({ lastBackupAt: '2026-11-18T02:00:00.000Z', mediumNumber: 'BK-1', ageDays: 2, stale: false });

    reportMediumLost(f.ctx(), { mediumId: lost.id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '保密柜中未见' });
    expect(service.status()).toMatchObject({ lastBackupAt: '2026-11-10T02:00:00.000Z', lastVerifiedOk: true, mediumNumber: 'BK-2', ageDays: 10, stale: true });
    reportMediumLost(f.ctx(), { mediumId: kept.id, occurredOn: TODAY, reportedTo: '保密委', circumstances: '保密柜中未见' });
    expect(service.status()).toMatchObject({ lastBackupAt: null, lastVerifiedAt: null, lastVerifiedOk: null, ageDays: null, stale: true });
  });
});
