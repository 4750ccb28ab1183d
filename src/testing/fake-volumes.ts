import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Volume, VolumeProvider } from '../backup/volume';

/** Removable volumes for tests: each one a temporary folder with an identity of its own. */
export class FakeVolumes implements VolumeProvider {
  readonly root = mkdtempSync(join(tmpdir(), 'baomi-volumes-'));
  mounted: Volume[] = [];
  /** Unset: like Windows, nothing is evicted and a read-back may come from the cache. */
  evictCache?: (file: string) => Promise<boolean>;

  plug(label: string, fsUuid: string, deviceSerial = '', freeBytes = 8 * 2 ** 30): Volume {
    const mountPath = join(this.root, fsUuid);
    mkdirSync(mountPath, { recursive: true });
    const v = { mountPath, label, fsUuid, deviceSerial, freeBytes, totalBytes: 16 * 2 ** 30 };
    this.mounted.push(v);
    return v;
  }

  unplug(fsUuid: string): void {
    this.mounted = this.mounted.filter((v) => v.fsUuid !== fsUuid);
  }

  list = async (): Promise<Volume[]> => this.mounted.map((v) => ({ ...v }));

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
