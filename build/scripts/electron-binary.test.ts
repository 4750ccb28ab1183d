import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executableInDist, locateElectronBinary, noElectronMessage } from './electron-binary';

const pkg = path.resolve('/repo/node_modules/electron');
const files = (...present: string[]) => (f: string) => present.includes(f);

describe('locateElectronBinary', () => {
  it('finds nothing when the package was installed without its binary (this machine)', () => {
    expect(
      locateElectronBinary({ env: {}, platform: 'linux', electronPackageDir: pkg, exists: files(), readText: () => null }),
    ).toBeNull();
  });

  it('uses the downloaded binary named by path.txt', () => {
    const exe = path.join(pkg, 'dist', 'electron');
    expect(
      locateElectronBinary({ env: {}, platform: 'linux', electronPackageDir: pkg, exists: files(exe), readText: () => 'electron' }),
    ).toEqual({ path: exe, source: 'node_modules/electron/dist' });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, with the platform executable name', () => {
    const dir = path.resolve('/opt/electron-45');
    const exe = path.join(dir, 'electron.exe');
    expect(
      locateElectronBinary({
        env: { ELECTRON_OVERRIDE_DIST_PATH: dir },
        platform: 'win32',
        electronPackageDir: pkg,
        exists: files(exe),
        readText: () => null,
      }),
    ).toEqual({ path: exe, source: 'ELECTRON_OVERRIDE_DIST_PATH' });
  });

  it('reports an override that holds no executable as not found', () => {
    expect(
      locateElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, platform: 'linux', electronPackageDir: pkg, exists: files(), readText: () => null }),
    ).toBeNull();
  });

  it('names the executable per platform', () => {
    expect(executableInDist('linux')).toBe('electron');
    expect(executableInDist('win32')).toBe('electron.exe');
  });

  it('explains the failure in Chinese and English, naming the override variable', () => {
    const m = noElectronMessage();
    expect(m).toContain('无法获得 Electron');
    expect(m).toContain('could not be obtained');
    expect(m.match(/ELECTRON_OVERRIDE_DIST_PATH/g)).toHaveLength(2);
    expect(noElectronMessage('/opt/e')).toContain('ELECTRON_OVERRIDE_DIST_PATH (/opt/e) holds no Electron executable');
  });
});
