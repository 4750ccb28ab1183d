/**
 * Finds an Electron executable the way node_modules/electron/index.js does, but
 * without its side effect: requiring 'electron' from Node downloads the binary when
 * it is missing. Used by start-electron.ts and the smoke test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface LocateInputs {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  /** Directory of the installed electron package (node_modules/electron). */
  electronPackageDir: string;
  exists?: (file: string) => boolean;
  readText?: (file: string) => string | null;
}

export interface ElectronBinary {
  path: string;
  source: 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron/dist';
}

/** The executable inside an unpacked Electron, as the electron package names it. */
export const executableInDist = (platform: string): string =>
  platform === 'win32' ? 'electron.exe' : platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';

const readOrNull = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

export const locateElectronBinary = (i: LocateInputs): ElectronBinary | null => {
  const exists = i.exists ?? existsSync;
  const readText = i.readText ?? readOrNull;
  // path.txt is written by the electron package once its download has succeeded.
  const recorded = readText(path.join(i.electronPackageDir, 'path.txt'))?.trim() || null;
  const executable = recorded ?? executableInDist(i.platform);

  const override = i.env['ELECTRON_OVERRIDE_DIST_PATH']?.trim();
  if (override) {
    const file = path.join(override, executable);
    return exists(file) ? { path: file, source: 'ELECTRON_OVERRIDE_DIST_PATH' } : null;
  }
  const file = path.join(i.electronPackageDir, 'dist', executable);
  return exists(file) ? { path: file, source: 'node_modules/electron/dist' } : null;
};

/** Why no binary was found, in Chinese and English; `override` is ELECTRON_OVERRIDE_DIST_PATH. */
export const noElectronMessage = (override?: string): string =>
  [
    override
      ? `无法获得 Electron 可执行文件：ELECTRON_OVERRIDE_DIST_PATH（${override}）中没有 Electron 可执行文件。`
      : '无法获得 Electron 可执行文件：本机没有 Electron 二进制文件（node_modules/electron/dist 为空），且无法下载（本机不联网）。',
    '请将 ELECTRON_OVERRIDE_DIST_PATH 设为一个已解压的 Electron 45.4.1 目录（包含 electron 或 electron.exe），然后重试。',
    '',
    override
      ? `The Electron binary could not be obtained: ELECTRON_OVERRIDE_DIST_PATH (${override}) holds no Electron executable.`
      : 'The Electron binary could not be obtained: node_modules/electron/dist holds no Electron\nexecutable and it cannot be downloaded on this machine (no network).',
    'Set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.4.1 directory (containing',
    'electron or electron.exe) and try again.',
  ].join('\n');
