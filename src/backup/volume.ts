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

/**
 * Whether `actual` is the volume `registered` describes: the filesystem id must match, and
 * so must the device serial whenever one was registered. A volume id is easy to copy (a FAT
 * volume id is set with one command); a look-alike seen through a card reader or hub that
 * hides the serial must not pass for the registered stick.
 */
export const sameVolume = (registered: VolumeIdentity, actual: VolumeIdentity): boolean =>
  registered.fsUuid !== '' && registered.fsUuid === actual.fsUuid && (registered.deviceSerial === '' || registered.deviceSerial === actual.deviceSerial);

/**
 * Two absolute paths name the same place: on Windows letter case does not matter (an officer
 * may type e:\ for the volume mounted at E:\), elsewhere it does.
 */
export const samePath = (a: string, b: string, platform: NodeJS.Platform = process.platform): boolean =>
  platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
