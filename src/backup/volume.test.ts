import { describe, expect, it } from 'vitest';
import { samePath, sameVolume } from './volume';

describe('volumes and paths', () => {
  it('a folder typed with another letter case is the same place on Windows only', () => {
    expect(samePath('e:\\baomi-backups\\X', 'E:\\BAOMI-BACKUPS\\X', 'win32')).toBe(true);
    expect(samePath('/media/a/baomi-backups/X', '/media/A/baomi-backups/X', 'linux')).toBe(false);
    expect(samePath('/media/a/X', '/media/a/X', 'linux')).toBe(true);
  });

  it('R-04 a registered serial must be read and equal; an unregistered one is not asked for', () => {
    const registered = { fsUuid: 'U1', deviceSerial: 'SN-1', label: 'BK' };
    expect(sameVolume(registered, { ...registered, label: 'other' })).toBe(true);
    expect(sameVolume(registered, { ...registered, deviceSerial: '' })).toBe(false);
    expect(sameVolume(registered, { ...registered, deviceSerial: 'SN-2' })).toBe(false);
    expect(sameVolume({ ...registered, deviceSerial: '' }, { ...registered, deviceSerial: 'SN-9' })).toBe(true);
    expect(sameVolume(registered, { ...registered, fsUuid: 'U2' })).toBe(false);
    expect(sameVolume({ ...registered, fsUuid: '' }, { ...registered, fsUuid: '' })).toBe(false);
  });
});
