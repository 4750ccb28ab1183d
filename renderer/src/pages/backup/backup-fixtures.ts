import type { BackupStatus, VolumeView } from '../../../../src/backup/backup-service';
import type { BackupVerification } from '../../../../src/backup/backup-verify';
import type { Comparison } from './compare-table';

/** What main answers for a ledger with one registered backup volume, for the unit tests. */
export const status = (over: Partial<BackupStatus> = {}): BackupStatus => ({
  lastBackupAt: '2026-11-20T08:00:00.000Z',
  lastVerifiedAt: '2026-11-20T08:05:00.000Z',
  lastVerifiedOk: true,
  mediumNumber: 'YP-2026-01',
  ageDays: 2,
  stale: false,
  maxAgeDays: 7,
  retention: 5,
  ...over,
});

export const registeredVolume = (over: Partial<VolumeView> = {}): VolumeView => ({
  mountPath: '/media/officer/BAOMI-BK1',
  label: 'BAOMI-BK1',
  fsUuid: 'UUID-1',
  deviceSerial: 'USB-SN-1',
  freeBytes: 8 * 2 ** 30,
  totalBytes: 16 * 2 ** 30,
  medium: { id: 'm-1', number: 'YP-2026-01' },
  refusal: null,
  backups: [
    { name: '20261120-080000-0f0e0d0c', createdAt: '2026-11-20T08:00:00.000Z', bytes: 3 * 2 ** 20, chainSeq: 41, verifiedAt: '2026-11-20T08:05:00.000Z', verifiedOk: true },
  ],
  ...over,
});

export const refusedVolume = (refusal: string, over: Partial<VolumeView> = {}): VolumeView => ({
  ...registeredVolume({ mountPath: '/media/officer/COPY', label: 'COPY', fsUuid: 'UUID-2', deviceSerial: 'USB-SN-2' }),
  medium: null,
  refusal,
  backups: [],
  ...over,
});

export const verification = (ok = true): BackupVerification => ({
  ok,
  checks: [
    { name: '清单签名', ok: true, detail: '清单由本台账密钥签名' },
    { name: '数据库文件完整', ok, detail: ok ? '4096 / 4096 字节' : '4000 / 4096 字节' },
  ],
  manifest: null,
  chain: null,
  verifiedAt: '2026-11-22T08:00:00.000Z',
});

export const comparison = (ok = true): Comparison => ({
  verification: verification(ok),
  backup: {
    createdAt: '2026-11-20T08:00:00.000Z',
    counts: { carriers: 3, computers: 1, media: 2, people: 5, events: 30, audit_log: 41 },
    chainHead: { seq: 41, hash: 'aa11bb22'.repeat(8) },
    lastEventAt: '2026-11-20T07:59:00.000Z',
  },
  current: {
    // The core's type names only events and audit_log; the tables come from Object.fromEntries.
    counts: Object.assign({ events: 31, audit_log: 47 }, { carriers: 4, computers: 1, media: 2, people: 5 }),
    chainHead: { seq: 47, hash: 'cc33dd44'.repeat(8) },
    lastEventAt: '2026-11-22T07:00:00.000Z',
  },
});
