import { execFile } from 'node:child_process';
import type { Volume } from '../../src/backup/volume';
import { AppError } from '../../src/errors/app-error';
import { errorText } from '../../src/errors/error-text';

/**
 * Removable drives (DriveType 2) from a local CIM query, with the disk's serial number from
 * the Storage module. PowerShell runs as a child process with no profile; it touches no
 * network. Windows PowerShell writes to a pipe in the console's code page (GBK on a Chinese
 * system), which would garble a label such as 备份盘; the JSON leaves as Base64 of its UTF-8
 * bytes, which no code page can change.
 */
export const POWERSHELL_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '$json = Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DriveType=2" | ForEach-Object {',
  '  $d = $_; $serial = ""',
  '  $p = Get-Partition -DriveLetter $d.DeviceID.Substring(0,1)',
  '  if ($p) { $serial = ($p | Get-Disk).SerialNumber }',
  '  [pscustomobject]@{ DeviceID = $d.DeviceID; VolumeName = $d.VolumeName; VolumeSerialNumber = $d.VolumeSerialNumber; FreeSpace = $d.FreeSpace; Size = $d.Size; Serial = $serial }',
  '} | ConvertTo-Json -Compress',
  '[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes([string]$json))',
].join('\n');

/** The script's output: Base64 of the UTF-8 JSON (empty when there is no removable drive). */
export const decodePowerShellOutput = (stdout: string): Volume[] => parseCimDisks(Buffer.from(stdout.trim(), 'base64').toString('utf8'));

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
      if (err) return reject(new AppError('INTERNAL', `无法列出可移动磁盘：${errorText(err)}`));
      try {
        resolve(decodePowerShellOutput(String(stdout)));
      } catch {
        reject(new AppError('INTERNAL', '无法读取可移动磁盘列表（PowerShell 的输出不是预期的格式）'));
      }
    });
  });
}
