import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './app-paths';

const base = {
  env: {},
  appPath: path.resolve('/repo'),
  resourcesPath: path.resolve('/opt/baomi/resources'),
  userDataDir: path.resolve('/home/u/.config/保密台账'),
};

describe('resolveAppPaths', () => {
  it('uses the repository in development', () => {
    const p = resolveAppPaths({ ...base, isPackaged: false });
    expect(p.migrationsDir).toBe(path.join(base.appPath, 'migrations'));
    expect(p.rendererDir).toBe(path.join(base.appPath, 'dist', 'renderer'));
    expect(p.preloadPath).toBe(path.join(base.appPath, 'dist', 'main', 'preload.cjs'));
    expect(p.vaultDir).toBe(path.join(base.userDataDir, 'vault'));
    expect(p.fontFilesDir).toBe(path.join(base.appPath, 'node_modules', '@fontsource', 'noto-sans-sc', 'files'));
  });

  it('reads migrations from resources when packaged', () => {
    const p = resolveAppPaths({ ...base, isPackaged: true });
    expect(p.migrationsDir).toBe(path.join(base.resourcesPath, 'migrations'));
    expect(p.fontDir).toBe(path.join(base.resourcesPath, 'fonts'));
    expect(p.fontFilesDir).toBe(path.join(base.resourcesPath, 'fonts', 'files'));
  });

  it('honours BAOMI_VAULT_DIR, ignoring a blank value', () => {
    const dir = path.resolve('/mnt/usb/vault');
    expect(resolveAppPaths({ ...base, isPackaged: true, env: { BAOMI_VAULT_DIR: dir } }).vaultDir).toBe(dir);
    expect(resolveAppPaths({ ...base, isPackaged: true, env: { BAOMI_VAULT_DIR: '  ' } }).vaultDir).toBe(
      path.join(base.userDataDir, 'vault'),
    );
  });
});
