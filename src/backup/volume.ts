/**
 * A mounted removable volume, as the platform adapter in main/ reports it (Linux: lsblk;
 * Windows: a local CIM query). The core only ever sees this shape.
 */
export interface Volume {
  mountPath: string;
  label: string;
  /** Filesystem UUID (Linux) or volume serial number (Windows). */
  fsUuid: string;
  /** The device's own serial (USB serial), when the platform can tell. */
  deviceSerial: string;
  freeBytes: number;
  totalBytes: number;
}

export interface VolumeProvider {
  list(): Promise<Volume[]>;
  /**
   * Drops the operating system's cached pages of a file (already fsynced) on a volume, so
   * that the next read comes from the medium itself and not from memory. Resolves false
   * where the platform cannot; then a read-back may be served from the cache.
   */
  evictCache?(file: string): Promise<boolean>;
}

/** What identifies a volume for the ledger: a label can be copied, these cannot easily. */
export interface VolumeIdentity {
  fsUuid: string;
  deviceSerial: string;
  label: string;
}

export const identityOf = (v: Volume): VolumeIdentity => ({ fsUuid: v.fsUuid, deviceSerial: v.deviceSerial, label: v.label });

/** Same volume: the filesystem id must match, and the device serial too when both are known. */
export const sameVolume = (a: VolumeIdentity, b: VolumeIdentity): boolean =>
  a.fsUuid !== '' && a.fsUuid === b.fsUuid && (a.deviceSerial === '' || b.deviceSerial === '' || a.deviceSerial === b.deviceSerial);
