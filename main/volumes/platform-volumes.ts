import type { VolumeProvider } from '../../src/backup/volume';
import { evictLinuxCache } from './evict-cache';
import { listLinuxVolumes } from './lsblk-volumes';
import { listWindowsVolumes } from './windows-volumes';

/**
 * The removable-volume adapter for this platform (the core sees only VolumeProvider).
 * Windows has no cache eviction here: its read-back may come from the system cache.
 */
export function platformVolumes(platform: NodeJS.Platform = process.platform): VolumeProvider {
  if (platform === 'win32') return { list: () => listWindowsVolumes() };
  if (platform === 'linux') return { list: () => listLinuxVolumes(), evictCache: evictLinuxCache };
  return { list: async () => [] };
}
