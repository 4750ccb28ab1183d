import { execFile } from 'node:child_process';
import type { Volume } from '../../src/backup/volume';
import { AppError } from '../../src/errors/app-error';
import { errorText } from '../../src/errors/error-text';

/**
 * Backup media from a local CIM query, with the disk's serial number and bus from the Storage
 * module. USB sticks report DriveType 2 (removable), but USB hard disks and SSDs (移动硬盘)
 * report DriveType 3 (fixed), like the machine's own disks; so the script lists both and
 * parseCimDisks keeps a fixed drive only when its disk sits on the USB bus. The filtering is in
 * TypeScript, where it is tested, not in the script. PowerShell runs as a child process with
 * no profile; it touches no network. Windows PowerShell writes to a pipe in the console's code
 * page (GBK on a Chinese system), which would garble a label such as 备份盘; the JSON leaves
 * as Base64 of its UTF-8 bytes, which no code page can change.
 */
export const POWERSHELL_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '$json = Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DriveType=2 OR DriveType=3" | ForEach-Object {',
  '  $d = $_; $serial = ""; $bus = ""',
  '  $p = Get-Partition -DriveLetter $d.DeviceID.Substring(0,1)',
  '  if ($p) { $disk = $p | Get-Disk; $serial = $disk.SerialNumber; $bus = "$($disk.BusType)" }',
  '  [pscustomobject]@{ DeviceID = $d.DeviceID; DriveType = $d.DriveType; VolumeName = $d.VolumeName; VolumeSerialNumber = $d.VolumeSerialNumber; FreeSpace = $d.FreeSpace; Size = $d.Size; Serial = $serial; BusType = $bus }',
  '} | ConvertTo-Json -Compress',
  '[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes([string]$json))',
].join('\n');

/** The script's output: Base64 of the UTF-8 JSON (empty when there is no drive of type 2 or 3). */
export const decodePowerShellOutput = (stdout: string): Volume[] => parseCimDisks(Buffer.from(stdout.trim(), 'base64').toString('utf8'));

interface CimDisk {
  DeviceID: string;
  VolumeName?: string | null;
  VolumeSerialNumber?: string | null;
  FreeSpace?: number | string | null;
  Size?: number | string | null;
  Serial?: string | null;
  DriveType?: number | string | null;
  BusType?: string | null;
}

/**
 * A removable drive is always a candidate. A fixed one only on a USB disk: MSFT_Disk's BusType
 * 7 is USB, and Windows PowerShell 5.1 may print it as the name or as the number. Anything
 * else fixed (SATA, NVMe, the system drive C:, or a disk whose bus the script could not read)
 * is the machine's own and never offered as a backup medium.
 */
const isBackupCandidate = (d: CimDisk): boolean => {
  const driveType = Number(d.DriveType);
  if (driveType === 2) return true;
  const bus = String(d.BusType ?? '').trim().toUpperCase();
  return driveType === 3 && (bus === 'USB' || bus === '7');
};

/** ConvertTo-Json prints one object without brackets, several as an array, none as nothing. */
export function parseCimDisks(json: string): Volume[] {
  const text = json.trim();
  if (!text) return [];
  const parsed = JSON.parse(text) as CimDisk | CimDisk[];
  return (Array.isArray(parsed) ? parsed : [parsed])
    .filter((d) => d.DeviceID && d.Size && isBackupCandidate(d))
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
      if (err) return reject(new AppError('INTERNAL', `无法列出可移动磁盘：${errorText(err)}`));
      try {
        resolve(decodePowerShellOutput(String(stdout)));
      } catch {
        reject(new AppError('INTERNAL', '无法读取可移动磁盘列表（PowerShell 的输出不是预期的格式）'));
      }
    });
  });
}
