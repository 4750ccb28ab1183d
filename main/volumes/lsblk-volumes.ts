import { execFile } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import type { Volume } from '../../src/backup/volume';
import { AppError } from '../../src/errors/app-error';
import { errorText } from '../../src/errors/error-text';

/** The columns asked of lsblk; -b gives sizes in bytes, -J a JSON tree (disk → partitions). */
export const LSBLK_ARGS = ['-J', '-b', '-o', 'NAME,PATH,LABEL,UUID,SERIAL,MOUNTPOINT,FSAVAIL,FSSIZE,RM,HOTPLUG,TRAN,TYPE'];

interface LsblkNode {
  name?: string;
  path?: string;
  label?: string | null;
  uuid?: string | null;
  serial?: string | null;
  mountpoint?: string | null;
  fsavail?: number | string | null;
  fssize?: number | string | null;
  rm?: boolean | string | number;
  hotplug?: boolean | string | number;
  tran?: string | null;
  children?: LsblkNode[];
}

// Older util-linux prints booleans and sizes as strings ("1", "0", "123").
const truthy = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true';
const bytes = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : 0);

/**
 * Mounted filesystems on removable or hot-plugged devices (USB disks and sticks, card
 * readers). A partition inherits removability and the device serial from its disk.
 * `uuidOfDevice` cross-checks the filesystem UUID against /dev/disk/by-uuid.
 */
export function parseLsblk(json: string, uuidOfDevice: (devPath: string) => string | null = () => null): Volume[] {
  const out: Volume[] = [];
  const walk = (n: LsblkNode, removable: boolean, serial: string, transport: string) => {
    const isRemovable = removable || truthy(n.rm) || truthy(n.hotplug) || (n.tran ?? transport) === 'usb';
    const devSerial = n.serial ?? serial;
    if (n.mountpoint && isRemovable && !n.mountpoint.startsWith('[')) {
      out.push({
        mountPath: n.mountpoint,
        label: n.label ?? '',
        fsUuid: n.uuid ?? (n.path ? (uuidOfDevice(n.path) ?? '') : ''),
        deviceSerial: devSerial ?? '',
        freeBytes: bytes(n.fsavail),
        totalBytes: bytes(n.fssize),
      });
    }
    for (const c of n.children ?? []) walk(c, isRemovable, devSerial ?? '', n.tran ?? transport);
  };
  const parsed = JSON.parse(json) as { blockdevices?: LsblkNode[] };
  for (const d of parsed.blockdevices ?? []) walk(d, false, '', '');
  return out;
}

/** /dev/disk/by-uuid/<uuid> → ../../sdb1: the reverse map, for lsblk builds without UUID. */
export function uuidFromByUuidDir(links: { uuid: string; target: string }[]): (devPath: string) => string | null {
  return (devPath) => links.find((l) => basename(l.target) === basename(devPath))?.uuid ?? null;
}

export function listLinuxVolumes(run = execFile): Promise<Volume[]> {
  return new Promise((resolve, reject) => {
    run('lsblk', LSBLK_ARGS, { timeout: 10_000, encoding: 'utf8' }, (err, stdout) => {
      if (err) return reject(new AppError('INTERNAL', `无法列出可移动磁盘（lsblk）：${errorText(err)}`));
      let links: { uuid: string; target: string }[] = [];
      try {
        links = readdirSync('/dev/disk/by-uuid').map((uuid) => ({ uuid, target: readlinkSync(`/dev/disk/by-uuid/${uuid}`) }));
      } catch {
        links = [];
      }
      // Thrown inside this callback, a parse error would escape the promise and take main down.
      try {
        resolve(parseLsblk(String(stdout), uuidFromByUuidDir(links)));
      } catch {
        reject(new AppError('INTERNAL', '无法读取可移动磁盘列表（lsblk 的输出不是预期的格式）'));
      }
    });
  });
}
