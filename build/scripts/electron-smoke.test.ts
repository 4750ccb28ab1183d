/**
 * Launches the built app in a real Electron, when one is available: set
 * ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.4.1, or have the electron
 * package's download in node_modules/electron/dist. The binary is looked up without
 * triggering a download. Without one the test is skipped, and its name says why.
 * Needs `npm run build` first.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, splitChannel } from '../../src/api/contract';
import { locateElectronBinary } from './electron-binary';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const electron = locateElectronBinary({
  env: process.env,
  platform: process.platform,
  electronPackageDir: path.dirname(createRequire(import.meta.url).resolve('electron/package.json')),
});
const built = existsSync(path.join(repoRoot, 'dist', 'main', 'main.cjs'));

const name =
  electron === null
    ? 'Electron smoke test (skipped: no Electron binary on this machine)'
    : !built
      ? 'Electron smoke test (skipped: run `npm run build` first)'
      : `Electron smoke test (${electron.path})`;

type PageGlobals = {
  api?: Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  require?: unknown;
  process?: unknown;
};

describe('packaged main process', () => {
  it.skipIf(electron === null || !built)(
    name,
    async () => {
      const { _electron } = await import('playwright-core');
      const vault = mkdtempSync(path.join(tmpdir(), 'baomi-smoke-'));
      const app = await _electron.launch({
        executablePath: (electron as { path: string }).path,
        args: [repoRoot],
        env: { ...process.env, BAOMI_VAULT_DIR: vault } as Record<string, string>,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        expect(page.url()).toBe('app://app/index.html');
        expect(await page.title()).toBe('保密台账');

        // The preload exposed exactly the contract, and nothing of Node leaked through.
        const shape = await page.evaluate(() => {
          const g = globalThis as unknown as PageGlobals;
          return {
            api: Object.fromEntries(Object.entries(g.api ?? {}).map(([ns, v]) => [ns, Object.keys(v).sort()])),
            require: typeof g.require,
            process: typeof g.process,
          };
        });
        const expected: Record<string, string[]> = {};
        for (const c of CHANNELS) {
          const [ns, verb] = splitChannel(c);
          (expected[ns] ??= []).push(verb);
        }
        for (const verbs of Object.values(expected)) verbs.sort();
        expect(shape).toEqual({ api: expected, require: 'undefined', process: 'undefined' });

        const status = await page.evaluate(() => (globalThis as unknown as PageGlobals).api?.vault?.status?.());
        expect(status).toMatchObject({ ok: true });

        // Both the CSP and the session's request filter stand in the way of the network.
        const remote = await page.evaluate(() => {
          const g = globalThis as unknown as { fetch: (u: string) => Promise<unknown> };
          return g.fetch('https://example.com/').then(
            () => 'reached',
            () => 'blocked',
          );
        });
        expect(remote).toBe('blocked');
      } finally {
        await app.close();
        rmSync(vault, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
