import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChainVerification } from '../api/types';
import { verifyChain } from '../audit/audit-log';
import { cipherIntegrityCheck } from '../db/cipher-integrity';
import { openCipherDatabase } from '../db/open-database';
import { AppError } from '../errors/app-error';
import { keySlotFileSchema, unwrapKey, type SlotKind } from '../vault/key-slots';
import { normalizeRecoveryKey } from '../vault/recovery-key';
import { FILES, readManifest, sha256File, type Manifest } from './backup-format';
import { deriveKey, macMatches } from './backup-keys';

export interface BackupCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BackupVerification {
  ok: boolean;
  checks: BackupCheck[];
  manifest: Manifest | null;
  chain: ChainVerification | null;
  verifiedAt: string;
}

/** Opens a backup's data key with its own key slots: passphrase or recovery key. */
export async function openBackupKey(dir: string, secret: string, kind: SlotKind): Promise<{ dataKey: Buffer; vaultId: string }> {
  let file;
  try {
    file = keySlotFileSchema.parse(JSON.parse(readFileSync(join(dir, FILES.keySlots), 'utf8')));
  } catch {
    throw new AppError('BACKUP_INVALID', '备份中的密钥槽文件缺失或损坏');
  }
  const s = kind === 'recovery' ? (normalizeRecoveryKey(secret) ?? `invalid:${secret}`) : secret;
  for (const slot of file.slots.filter((x) => x.kind === kind)) {
    const key = await unwrapKey(file.vaultId, slot, s);
    if (key) return { dataKey: key, vaultId: file.vaultId };
  }
  throw kind === 'passphrase'
    ? new AppError('WRONG_PASSPHRASE', '口令无法打开此备份（备份使用的是备份当时的口令）')
    : new AppError('WRONG_RECOVERY_KEY', '恢复密钥无法打开此备份');
}

/**
 * "Test restore": everything short of replacing the vault. The backup is opened read-only
 * from a private temporary copy; the manifest's MAC, both files' hashes, every page's
 * HMAC, quick_check and the whole audit chain are checked against what the manifest says.
 */
export async function verifyBackup(dir: string, secret: string, kind: SlotKind, now: string): Promise<BackupVerification & { dataKey: Buffer }> {
  const checks: BackupCheck[] = [];
  const add = (name: string, ok: boolean, detail = '') => (checks.push({ name, ok, detail }), ok);
  const manifest = readManifest(dir);
  if (!manifest) throw new AppError('BACKUP_INVALID', '备份清单（manifest.json）缺失或损坏：这不是完整的备份');
  const { dataKey, vaultId } = await openBackupKey(dir, secret, kind);
  const { mac, ...body } = manifest;
  add('清单签名', vaultId === manifest.vaultId && macMatches(deriveKey(dataKey, vaultId, 'backup-manifest'), body, mac), '清单由本台账密钥签名');
  const ledger = await sha256File(join(dir, FILES.ledger)).catch(() => ({ sha256: '', bytes: -1 }));
  add('数据库文件完整', ledger.sha256 === manifest.files.ledger.sha256 && ledger.bytes === manifest.files.ledger.bytes, `${ledger.bytes} / ${manifest.files.ledger.bytes} 字节`);
  const slots = await sha256File(join(dir, FILES.keySlots));
  add('密钥槽文件完整', slots.sha256 === manifest.files.keySlots.sha256);
  let chain: ChainVerification | null = null;
  if (checks.every((c) => c.ok)) {
    const tmp = mkdtempSync(join(tmpdir(), 'baomi-verify-'));
    try {
      const copy = join(tmp, FILES.ledger);
      copyFileSync(join(dir, FILES.ledger), copy);
      const pages = cipherIntegrityCheck(copy, dataKey);
      add('加密页校验', pages.ok, pages.ok ? `${pages.pagesChecked} 页` : pages.errors.join('；'));
      const db = openCipherDatabase(copy, dataKey, { readonly: true });
      try {
        const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
        add('quick_check', quick.join() === 'ok', quick.join('；'));
        chain = verifyChain(db, now);
        add('审计链', chain.ok && chain.head.seq === manifest.chainHead.seq && chain.head.hash === manifest.chainHead.hash, chain.ok ? `#${chain.head.seq} ${chain.head.shortHash}` : (chain.reason ?? ''));
        for (const [table, n] of Object.entries(manifest.counts)) {
          const got = (db.prepare(`SELECT count(*) AS n FROM ${table.replace(/[^a-z_]/g, '')}`).get() as { n: number }).n;
          if (got !== n) add(`记录数 ${table}`, false, `${got} ≠ ${n}`);
        }
      } finally {
        db.close();
      }
    } catch (e) {
      add('打开备份', false, e instanceof AppError ? e.message : (e as Error).message);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return { ok: checks.every((c) => c.ok), checks, manifest, chain, verifiedAt: now, dataKey };
}
