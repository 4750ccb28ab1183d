import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChainVerification } from '../api/types';
import { chainFraction, startDatabaseChecks, type RunningChecks } from '../db/checks/check-runner';
import { OPEN_CHECK, type BackupCheck } from '../db/checks/database-checks';
import { pageVerifier } from '../db/cipher-integrity';
import { AppError } from '../errors/app-error';
import { eachChunk, sha256File } from '../fs/file-streams';
import type { ReportProgress } from '../jobs/job-progress';
import { keySlotFileSchema, unwrapKey, type SlotKind } from '../vault/key-slots';
import { normalizeRecoveryKey } from '../vault/recovery-key';
import { FILES, readManifest, type Manifest } from './backup-format';
import { deriveKey, macMatches } from './backup-keys';

export type { BackupCheck };

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

export type TestRestorePhase = 'open' | 'hash' | 'checks';
export type VerifyProgress = ReportProgress<TestRestorePhase>;

/**
 * "Test restore": everything short of replacing the vault. The backup is opened read-only
 * from a private temporary copy; the manifest's MAC, both files' hashes, every page's
 * HMAC, quick_check and the whole audit chain are checked against what the manifest says.
 * Everything after the copy reads the copy, so what is hashed is what is opened.
 */
export async function verifyBackup(dir: string, secret: string, kind: SlotKind, now: string, onProgress: VerifyProgress = () => {}): Promise<BackupVerification & { dataKey: Buffer }> {
  const checks: BackupCheck[] = [];
  const add = (name: string, ok: boolean, detail = '') => (checks.push({ name, ok, detail }), ok);
  const manifest = readManifest(dir);
  if (!manifest) throw new AppError('BACKUP_INVALID', '备份清单（manifest.json）缺失或损坏：这不是完整的备份');
  const tmp = mkdtempSync(join(tmpdir(), 'baomi-verify-'));
  let running: RunningChecks | null = null;
  try {
    const copy = join(tmp, FILES.ledger);
    onProgress({ phase: 'open', fraction: 0 });
    // The key slots' scrypt and the kernel's copy take about as long; they run at once.
    const [key, copied] = await Promise.allSettled([openBackupKey(dir, secret, kind), copyFile(join(dir, FILES.ledger), copy)]);
    if (key.status === 'rejected') throw key.reason;
    const { dataKey, vaultId } = key.value;
    const { mac, ...body } = manifest;
    add('清单签名', vaultId === manifest.vaultId && macMatches(deriveKey(dataKey, vaultId, 'backup-manifest'), body, mac), '清单由本台账密钥签名');
    // quick_check and the chain start now, in worker threads, on the copy; this thread
    // meanwhile hashes the copy and checks its page HMACs. If the bytes are not the ones the
    // manifest names, the workers' answers do not matter and they are stopped.
    const expected = { chainHead: manifest.chainHead, counts: manifest.counts };
    const size = manifest.files.ledger.bytes;
    const entries = manifest.chainHead.seq;
    let phase: 'hash' | 'checks' = 'hash';
    let chained = 0;
    const onChain = (checked: number) => {
      chained = checked;
      if (phase === 'checks') onProgress({ phase, fraction: chainFraction(chained, entries) });
    };
    running = copied.status === 'fulfilled'
      ? startDatabaseChecks((['structure', 'chain'] as const).map((kind) => ({ kind, file: copy, key: new Uint8Array(dataKey), expected, now })), { onChain })
      : null;
    onProgress({ phase, fraction: 0 });
    const pages = pageVerifier(dataKey);
    const hash = createHash('sha256');
    const ledger = running
      ? {
          bytes: await eachChunk(copy, (chunk, offset) => {
            hash.update(chunk);
            pages.update(chunk);
            onProgress({ phase: 'hash', fraction: size ? Math.min(1, (offset + chunk.length) / size) : 1 });
          }),
          sha256: hash.digest('hex'),
        }
      : { sha256: '', bytes: -1 };
    add('数据库文件完整', ledger.sha256 === manifest.files.ledger.sha256 && ledger.bytes === manifest.files.ledger.bytes, `${ledger.bytes} / ${manifest.files.ledger.bytes} 字节`);
    const slots = await sha256File(join(dir, FILES.keySlots));
    add('密钥槽文件完整', slots.sha256 === manifest.files.keySlots.sha256);
    if (!running || !checks.every((c) => c.ok)) {
      await running?.cancel();
      return { ok: false, checks, manifest, chain: null, verifiedAt: now, dataKey };
    }
    const pageResult = pages.result();
    add('加密页校验', pageResult.ok, pageResult.ok ? `${pageResult.pagesChecked} 页` : pageResult.errors.join('；'));
    phase = 'checks';
    onProgress({ phase, fraction: chainFraction(chained, entries) });
    const results = await running.results();
    const seen = new Set<string>();
    for (const c of results.flatMap((r) => r.checks)) {
      // Both connections fail alike on a file that will not open: say it once.
      if (c.name === OPEN_CHECK && seen.has(c.detail)) continue;
      seen.add(c.detail);
      checks.push(c);
    }
    const chain = results.find((r) => r.chain)?.chain ?? null;
    return { ok: checks.every((c) => c.ok), checks, manifest, chain, verifiedAt: now, dataKey };
  } finally {
    // Whatever went wrong, no worker may still hold the copy when it is removed.
    await running?.cancel();
    rmSync(tmp, { recursive: true, force: true });
  }
}
