import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from '../db/statements';
import type { Db } from '../db/open-database';
import { AppError } from '../errors/app-error';
import { highestLevel, isHigher, LEVEL_LABELS, LEVELS, type Level } from '../ledger/classification/levels';
import { crossUseViolation, refuseCrossUse } from '../ledger/devices/cross-use';
import type { Medium } from '../ledger/devices/device-model';
import { getMedium } from '../ledger/devices/device-repo';
import type { LedgerContext } from '../ledger/ledger-context';
import { ruleError } from '../ledger/rule-checks';
import { hostComputer } from '../settings/host-computer';
import { writeFileAtomic } from '../fs/atomic-write';
import { deriveKey, macMatches, macOf } from './backup-keys';
import { identityOf, sameVolume, type Volume, type VolumeIdentity } from './volume';

export const IDENTITY_FILE = '.baomi-backup-identity.json';
export const BACKUP_ROOT = 'baomi-backups';

interface IdentityBody {
  format: 'baomi-backup-identity';
  version: 1;
  vaultId: string;
  mediumId: string;
  mediumNumber: string;
  volume: VolumeIdentity;
  registeredAt: string;
}

/** the ledger is classified at the highest level of any record it has ever held. */
export function ledgerLevel(db: Db): Level {
  const rows = sql(db, 'SELECT level FROM carriers UNION SELECT level FROM computers UNION SELECT level FROM media').all() as { level: Level }[];
  return highestLevel(rows.map((r) => r.level)) ?? (LEVELS[LEVELS.length - 1] as Level);
}

export const registeredVolume = (db: Db, mediumId: string): VolumeIdentity | null => {
  const r = sql(db, 'SELECT backup_volume FROM media WHERE id = ?').get(mediumId) as { backup_volume: string | null } | undefined;
  return r?.backup_volume ? (JSON.parse(r.backup_volume) as VolumeIdentity) : null;
};

/** Conditions for a medium to carry backups: purpose, state and level. */
export function checkBackupMedium(db: Db, m: Medium): void {
  if (!m.isBackup) throw ruleError('R-05', `介质 ${m.number} 的用途不是“本系统备份介质”，不能用于备份`);
  if (['destroyed', 'lost', 'pending_destruction', 'repair'].includes(m.state)) {
    throw new AppError('CONFLICT', `介质 ${m.number} 当前不可用（已销毁、遗失、待销毁或维修中）`);
  }
  const level = ledgerLevel(db);
  if (isHigher(level, m.level)) {
    throw ruleError('R-05', `台账含有${LEVEL_LABELS[level]}信息，备份介质 ${m.number} 的密级（${LEVEL_LABELS[m.level]}）不够`);
  }
}

/**
 * a backup medium is used on 本机, the computer the ledger runs on, so it must be one
 * the medium may be used on (level and binding). Null when 本机 is not named: ledgers from
 * before the setting keep working, and the backup page warns that R-36 goes unchecked.
 */
export function hostCrossUse(ctx: LedgerContext, m: Medium): string | null {
  const host = hostComputer(ctx.db, ctx.settings);
  return host && crossUseViolation(m, host.computer, '');
}

/**
 * Refuses a use of the medium on 本机 that R-36 forbids, before anything touches the medium.
 * The refusal is kept on the medium for the monthly inspection, so this runs outside any
 * transaction (see refuseCrossUse).
 */
export function refuseHostCrossUse(ctx: LedgerContext, m: Medium, attempt: Record<string, unknown>): void {
  const violation = hostCrossUse(ctx, m);
  if (violation) refuseCrossUse(ctx, m, hostComputer(ctx.db, ctx.settings)?.computer ?? null, '', violation, attempt);
}

/** Writes the authenticated identity file that ties this volume to this medium and ledger. */
export function writeIdentityFile(volume: Volume, body: Omit<IdentityBody, 'format' | 'version' | 'volume'>, dataKey: Buffer): VolumeIdentity {
  const identity = identityOf(volume);
  if (!identity.fsUuid) throw new AppError('VALIDATION', '无法读取该卷的文件系统标识，不能登记为备份介质');
  const full: IdentityBody = { format: 'baomi-backup-identity', version: 1, ...body, volume: identity };
  const mac = macOf(deriveKey(dataKey, body.vaultId, 'backup-identity'), full);
  writeFileAtomic(join(volume.mountPath, IDENTITY_FILE), JSON.stringify({ ...full, mac }, null, 2));
  return identity;
}

/**
 * Which registered backup medium this volume is, or a refusal: no or forged identity file,
 * another ledger's, a copied file on another volume, or a look-alike volume.
 */
export function recogniseVolume(db: Db, dataKey: Buffer, vaultId: string, volume: Volume): Medium {
  const file = join(volume.mountPath, IDENTITY_FILE);
  if (!existsSync(file)) throw new AppError('BACKUP_REFUSED', `卷「${volume.label || volume.mountPath}」不是已登记的备份介质（没有身份文件）`);
  let parsed: IdentityBody & { mac: string };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as IdentityBody & { mac: string };
  } catch {
    throw new AppError('BACKUP_REFUSED', '备份介质身份文件已损坏');
  }
  const { mac, ...body } = parsed;
  if (body.vaultId !== vaultId) throw new AppError('BACKUP_REFUSED', '该介质登记给另一个台账，不能用于本台账的备份');
  if (typeof mac !== 'string' || !macMatches(deriveKey(dataKey, vaultId, 'backup-identity'), body, mac)) {
    throw new AppError('BACKUP_REFUSED', '备份介质身份文件校验失败（可能被伪造或篡改）');
  }
  const medium = getMedium(db, body.mediumId);
  const registered = registeredVolume(db, medium.id);
  const actual = identityOf(volume);
  if (!registered || !sameVolume(registered, body.volume)) throw new AppError('BACKUP_REFUSED', `介质 ${medium.number} 的登记信息与身份文件不符`);
  if (registered.deviceSerial && !actual.deviceSerial && registered.fsUuid === actual.fsUuid) {
    throw new AppError('BACKUP_REFUSED', `读不到此卷的设备序列号（登记时为 ${registered.deviceSerial}），无法确认它就是备份介质 ${medium.number}；请把介质直接插在本机的 USB 接口上，不经读卡器或扩展坞`);
  }
  if (!sameVolume(registered, actual)) {
    throw new AppError('BACKUP_REFUSED', `此卷不是登记的备份介质 ${medium.number}（卷标识不符：身份文件可能是从别的卷复制来的）`);
  }
  checkBackupMedium(db, medium);
  return medium;
}
