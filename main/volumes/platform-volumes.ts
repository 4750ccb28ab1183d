import type { VolumeProvider } from '../../src/backup/volume';
import { listLinuxVolumes } from './lsblk-volumes';
import { listWindowsVolumes } from './windows-volumes';

/** The removable-volume adapter for this platform (the core sees only VolumeProvider). */
export function platformVolumes(platform: NodeJS.Platform = process.platform): VolumeProvider {
  if (platform === 'win32') return { list: () => listWindowsVolumes() };
  if (platform === 'linux') return { list: () => listLinuxVolumes() };
  return { list: async () => [] };
}
