import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** A backup is a folder: the encrypted database, the key slots, and a manifest written last. */
export const FILES = { ledger: 'ledger.db', keySlots: 'keyslots.json', manifest: 'manifest.json' } as const;
export const PARTIAL_SUFFIX = '.partial';

const fileInfo = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal('baomi-backup'),
  version: z.literal(1),
  vaultId: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  chainHead: z.object({ seq: z.number().int(), hash: z.string() }),
  lastEventAt: z.string().nullable(),
  level: z.string(),
  medium: z.object({ id: z.string(), number: z.string() }),
  files: z.object({ ledger: fileInfo, keySlots: fileInfo }),
  mac: z.string(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function readManifest(dir: string): Manifest | null {
  const file = join(dir, FILES.manifest);
  if (!existsSync(file)) return null;
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Finished backups on a volume, newest first: a folder still named .partial is never one. */
export function listBackupDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.endsWith(PARTIAL_SUFFIX) && existsSync(join(root, d.name, FILES.manifest)))
    .map((d) => d.name)
    .sort()
    .reverse();
}

export const backupName = (createdAt: string, vaultId: string): string =>
  `${createdAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${vaultId.slice(0, 8)}`;
