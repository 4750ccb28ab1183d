import path from 'node:path';

export interface AppPathInputs {
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  /** app.getAppPath(): the repository root in development, resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: where extraResources land when packaged. */
  resourcesPath: string;
  /** app.getPath('userData'). */
  userDataDir: string;
}

export interface AppPaths {
  vaultDir: string;
  migrationsDir: string;
  rendererDir: string;
  preloadPath: string;
  /** The print font package (its CSS and files/); copied to resources/fonts when packaged. */
  fontDir: string;
  /** The woff2 files served at app://app/_fonts/. */
  fontFilesDir: string;
}

/** Where everything lives, decided in one place so that dev and packaged runs agree. */
export const resolveAppPaths = (i: AppPathInputs): AppPaths => {
  const override = i.env['BAOMI_VAULT_DIR']?.trim();
  const fontDir = i.isPackaged
    ? path.join(i.resourcesPath, 'fonts')
    : path.join(i.appPath, 'node_modules', '@fontsource', 'noto-sans-sc');
  return {
    vaultDir: override ? path.resolve(override) : path.join(i.userDataDir, 'vault'),
    // Migrations sit outside the asar (extraResources) so they stay plain files on disk.
    migrationsDir: i.isPackaged
      ? path.join(i.resourcesPath, 'migrations')
      : path.join(i.appPath, 'migrations'),
    rendererDir: path.join(i.appPath, 'dist', 'renderer'),
    preloadPath: path.join(i.appPath, 'dist', 'main', 'preload.cjs'),
    fontDir,
    fontFilesDir: path.join(fontDir, 'files'),
  };
};
