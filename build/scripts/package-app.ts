/**
 * Packages the built app with electron-builder, offline: the Electron distribution
 * comes from ELECTRON_DIST (an unpacked Electron 45.4.1 for the target, a zip, or a
 * folder holding electron-v45.4.1-<platform>-<arch>.zip) instead of a download.
 * Usage: ELECTRON_DIST=/path tsx build/scripts/package-app.ts [electron-builder args, e.g. --linux dir --x64]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isEntry } from './is-entry';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export type PackagePlan = { ok: true; args: string[] } | { ok: false; message: string };

export const planPackaging = (
  env: Readonly<Record<string, string | undefined>>,
  passThrough: readonly string[],
  exists: (p: string) => boolean = existsSync,
): PackagePlan => {
  const dist = env['ELECTRON_DIST']?.trim();
  if (!dist) {
    return {
      ok: false,
      message:
        '未设置 ELECTRON_DIST：请将其设为已解压的 Electron 45.4.1 目录（或其 zip），打包不会联网下载 Electron。\n' +
        'ELECTRON_DIST is not set: point it at an unpacked Electron 45.4.1 (or its zip); packaging never downloads Electron.',
    };
  }
  const resolved = path.resolve(dist);
  if (!exists(resolved)) {
    return { ok: false, message: `ELECTRON_DIST 不存在 / does not exist: ${resolved}` };
  }
  return {
    ok: true,
    args: ['--config', 'electron-builder.yml', `-c.electronDist=${resolved}`, ...passThrough],
  };
};

if (isEntry(import.meta.filename)) {
  const plan = planPackaging(process.env, process.argv.slice(2));
  if (!plan.ok) {
    console.error(plan.message);
    process.exit(1);
  }
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const r = spawnSync(process.execPath, [cli, ...plan.args], { cwd: repoRoot, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
