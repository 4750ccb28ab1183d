import { execFile } from 'node:child_process';
import type { Volume } from '../../src/backup/volume';

/**
 * Removable drives (DriveType 2) from a local CIM query, with the disk's serial number from
 * the Storage module. PowerShell runs as a child process with no profile; it touches no
 * network.
 */
export const POWERSHELL_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  'Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DriveType=2" | ForEach-Object {',
  '  $d = $_; $serial = ""',
  '  $p = Get-Partition -DriveLetter $d.DeviceID.Substring(0,1)',
  '  if ($p) { $serial = ($p | Get-Disk).SerialNumber }',
  '  [pscustomobject]@{ DeviceID = $d.DeviceID; VolumeName = $d.VolumeName; VolumeSerialNumber = $d.VolumeSerialNumber; FreeSpace = $d.FreeSpace; Size = $d.Size; Serial = $serial }',
  '} | ConvertTo-Json -Compress',
].join('\n');

interface CimDisk {
  DeviceID: string;
  VolumeName?: string | null;
  VolumeSerialNumber?: string | null;
  FreeSpace?: number | string | null;
  Size?: number | string | null;
  Serial?: string | null;
}

/** ConvertTo-Json prints one object without brackets, several as an array, none as nothing. */
export function parseCimDisks(json: string): Volume[] {
  const text = json.trim();
  if (!text) return [];
  const parsed = JSON.parse(text) as CimDisk | CimDisk[];
  return (Array.isArray(parsed) ? parsed : [parsed])
    .filter((d) => d.DeviceID && d.Size)
    .map((d) => ({
      mountPath: `${d.DeviceID}\\`,
      label: d.VolumeName ?? '',
      fsUuid: d.VolumeSerialNumber ?? '',
      deviceSerial: (d.Serial ?? '').trim(),
      freeBytes: Number(d.FreeSpace ?? 0),
      totalBytes: Number(d.Size ?? 0),
    }));
}

export function listWindowsVolumes(run = execFile): Promise<Volume[]> {
  return new Promise((resolve, reject) => {
    run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', POWERSHELL_SCRIPT], { timeout: 20_000, encoding: 'utf8', windowsHide: true }, (err, stdout) => {
      if (err) return reject(new Error(`volume query failed: ${err.message}`));
      resolve(parseCimDisks(String(stdout)));
    });
  });
}
