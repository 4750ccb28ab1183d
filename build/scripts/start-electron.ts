/**
 * `npm start` (after `npm run build`): runs the built app in Electron. When no
 * Electron binary can be found or obtained it says so, in Chinese and English, and
 * exits non-zero; it never pretends the app started.
 * Usage: tsx build/scripts/start-electron.ts [--no-download] [-- <electron args>]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { locateElectronBinary, noElectronMessage } from './electron-binary';
import { isEntry } from './is-entry';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** Last resort: the electron package itself, which tries to download the binary. */
const requireElectron = (): string | null => {
  try {
    const p = require('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
};

const main = async (): Promise<number> => {
  const bundle = path.join(repoRoot, 'dist', 'main', 'main.cjs');
  if (!existsSync(bundle)) {
    console.error('未找到 dist/main/main.cjs，请先运行 npm run build。\ndist/main/main.cjs is missing: run `npm run build` first.');
    return 1;
  }
  const located = locateElectronBinary({
    env: process.env,
    platform: process.platform,
    electronPackageDir: path.dirname(require.resolve('electron/package.json')),
  });
  const binary = located?.path ?? (process.argv.includes('--no-download') ? null : requireElectron());
  if (binary === null) {
    console.error(`\n${noElectronMessage(process.env['ELECTRON_OVERRIDE_DIST_PATH']?.trim() || undefined)}`);
    return 1;
  }

  const sep = process.argv.indexOf('--');
  const extra = sep >= 0 ? process.argv.slice(sep + 1) : [];
  const env = { ...process.env };
  // Set in some shells by tooling; it would start Electron as plain Node.
  delete env['ELECTRON_RUN_AS_NODE'];
  console.log(`启动 Electron / starting Electron: ${binary}`);
  const child = spawn(binary, [repoRoot, ...extra], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('error', (e) => {
      console.error(`无法启动 Electron / could not start Electron: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
};

if (isEntry(import.meta.filename)) {
  main().then((code) => process.exit(code));
}
