import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evictLinuxCache } from './evict-cache';
import { parseLsblk, uuidFromByUuidDir } from './lsblk-volumes';
import { decodePowerShellOutput, listWindowsVolumes, parseCimDisks, POWERSHELL_SCRIPT } from './windows-volumes';
import { platformVolumes } from './platform-volumes';

const LSBLK = JSON.stringify({
  blockdevices: [
    { name: 'vda', path: '/dev/vda', label: null, uuid: null, serial: null, mountpoint: '/', fsavail: 81311244288, fssize: 270553174016, rm: false, hotplug: false, tran: null, type: 'disk' },
    {
      name: 'sdb', path: '/dev/sdb', label: null, uuid: null, serial: 'AA00000000012345', mountpoint: null, fsavail: null, fssize: null, rm: true, hotplug: true, tran: 'usb', type: 'disk',
      children: [
        { name: 'sdb1', path: '/dev/sdb1', label: 'BAOMI-BK1', uuid: '1A2B-3C4D', serial: null, mountpoint: '/media/officer/BAOMI-BK1', fsavail: 15000000000, fssize: 16000000000, rm: true, hotplug: true, tran: null, type: 'part' },
        { name: 'sdb2', path: '/dev/sdb2', label: 'SWAPPY', uuid: 'x', serial: null, mountpoint: '[SWAP]', fsavail: null, fssize: null, rm: true, hotplug: true, tran: null, type: 'part' },
      ],
    },
    // util-linux before 2.33 prints "1"/"0" and sizes as strings; no UUID column value here.
    { name: 'sdc', path: '/dev/sdc', label: 'OLD', uuid: null, serial: 'SN-OLD', mountpoint: '/mnt/old', fsavail: '1000', fssize: '2000', rm: '1', hotplug: '1', tran: 'usb', type: 'disk' },
  ],
});

describe('removable volumes', () => {
  it('Linux: mounted filesystems on removable devices, with the disk serial and free space', () => {
    const vols = parseLsblk(LSBLK, uuidFromByUuidDir([{ uuid: 'OLD-UUID-1', target: '../../sdc' }]));
    expect(vols).toEqual([
      { mountPath: '/media/officer/BAOMI-BK1', label: 'BAOMI-BK1', fsUuid: '1A2B-3C4D', deviceSerial: 'AA00000000012345', freeBytes: 15000000000, totalBytes: 16000000000 },
      { mountPath: '/mnt/old', label: 'OLD', fsUuid: 'OLD-UUID-1', deviceSerial: 'SN-OLD', freeBytes: 1000, totalBytes: 2000 },
    ]);
  });

  it('Linux: this machine’s own lsblk output parses (no removable volume here is fine)', async () => {
    const vols = await platformVolumes('linux').list();
    expect(Array.isArray(vols)).toBe(true);
    for (const v of vols) expect(v.mountPath).toMatch(/^\//);
  });

  it('Windows: one drive prints as an object, several as an array, none as nothing', () => {
    const one = { DeviceID: 'E:', DriveType: 2, BusType: 'USB', VolumeName: 'BAOMI-BK1', VolumeSerialNumber: '1A2B3C4D', FreeSpace: 1500, Size: 16000, Serial: ' 0401396c0ed0 ' };
    expect(parseCimDisks(JSON.stringify(one))).toEqual([{ mountPath: 'E:\\', label: 'BAOMI-BK1', fsUuid: '1A2B3C4D', deviceSerial: '0401396c0ed0', freeBytes: 1500, totalBytes: 16000 }]);
    expect(parseCimDisks(JSON.stringify([one, { ...one, DeviceID: 'F:', Size: null }]))).toHaveLength(1);
    expect(parseCimDisks('')).toEqual([]);
  });

  it('Windows: USB hard disks (fixed, DriveType 3) are offered; the machine\'s own fixed disks are not', () => {
    // Both drive types are asked for; the choice among fixed drives is made here, by bus.
    expect(POWERSHELL_SCRIPT).toContain('DriveType=2 OR DriveType=3');
    expect(POWERSHELL_SCRIPT).toContain('"$($disk.BusType)"');
    const base = { VolumeName: 'BK', VolumeSerialNumber: '1A2B3C4D', FreeSpace: 1500, Size: 16000, Serial: 'SN' };
    const disks = [
      { ...base, DeviceID: 'C:', DriveType: 3, BusType: 'NVMe' },
      { ...base, DeviceID: 'D:', DriveType: 3, BusType: 'SATA' },
      { ...base, DeviceID: 'E:', DriveType: 3, BusType: 'USB' },
      { ...base, DeviceID: 'F:', DriveType: 3, BusType: '7' },
      { ...base, DeviceID: 'G:', DriveType: 2, BusType: 'SD' },
      { ...base, DeviceID: 'H:', DriveType: 2, BusType: '' },
      { ...base, DeviceID: 'I:', DriveType: 3, BusType: '' },
    ];
    expect(parseCimDisks(JSON.stringify(disks)).map((v) => v.mountPath)).toEqual(['E:\\', 'F:\\', 'G:\\', 'H:\\']);
    expect(parseCimDisks(JSON.stringify({ ...base, DeviceID: 'C:', DriveType: 3, BusType: 'SATA' }))).toEqual([]);
    expect(parseCimDisks(JSON.stringify({ ...base, DeviceID: 'E:', DriveType: 3, BusType: 'USB' }))).toMatchObject([{ mountPath: 'E:\\', deviceSerial: 'SN', totalBytes: 16000 }]);
  });

  it('Windows: a Chinese label survives any console code page, because the JSON crosses the pipe as Base64 of UTF-8', async () => {
    const disk = { DeviceID: 'E:', DriveType: 2, BusType: 'USB', VolumeName: '备份盘 "甲"', VolumeSerialNumber: '1A2B3C4D', FreeSpace: 1500, Size: 16000, Serial: 'SN1' };
    const stdout = `${Buffer.from(JSON.stringify(disk), 'utf8').toString('base64')}\r\n`;
    // Base64 is ASCII: GBK, code page 437 and UTF-8 all read the same bytes.
    expect(stdout).toMatch(/^[\x20-\x7e\r\n]+$/);
    expect(decodePowerShellOutput(stdout)[0]?.label).toBe('备份盘 "甲"');
    expect(decodePowerShellOutput('\r\n')).toEqual([]);
    type Run = Parameters<typeof listWindowsVolumes>[0];
    const answering = (err: Error | null, out: string) => ((_f: string, _a: string[], _o: object, cb: (e: Error | null, out: string) => void) => cb(err, out)) as unknown as Run;
    expect((await listWindowsVolumes(answering(null, stdout)))[0]).toMatchObject({ mountPath: 'E:\\', label: '备份盘 "甲"' });
    await expect(listWindowsVolumes(answering(Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' }), ''))).rejects.toThrow('无法列出可移动磁盘：文件或文件夹不存在');
    await expect(listWindowsVolumes(answering(null, 'not base64 of json'))).rejects.toThrow('PowerShell 的输出不是预期的格式');
  });
});

describe('reading back from the medium', () => {
  const resident = (file: string) => Number(execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', file], { encoding: 'utf8' }).trim());

  it.runIf(process.platform === 'linux')('Linux: an fsynced file is evicted from the page cache, so the next read comes off the device', async () => {
    // Not the temp folder: a tmpfs /tmp keeps its pages in memory by nature.
    mkdirSync(join(process.cwd(), 'node_modules', '.cache'), { recursive: true });
    const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.cache', 'baomi-evict-'));
    try {
      const file = join(dir, 'ledger.db');
      writeFileSync(file, randomBytes(4 * 2 ** 20));
      const fd = openSync(file, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      readFileSync(file);
      expect(resident(file)).toBeGreaterThan(0);
      expect(await platformVolumes('linux').evictCache?.(file)).toBe(true);
      expect(resident(file)).toBe(0);
      expect(await evictLinuxCache(join(dir, 'no-such-file'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
