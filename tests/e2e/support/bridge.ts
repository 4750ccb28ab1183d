/**
 * Runs the app's renderer over file:// against the real core, without Electron: each test
 * gets its own encrypted vault in a temp folder, and `window.api` is defined before the
 * app loads exactly as the preload builds it, forwarding every call to the real handlers.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { CHANNELS } from '../../../src/api/contract';
import { dispatch } from '../../../src/api/dispatch';
import { createServices, type Services } from '../../../src/app/create-services';
import { chromiumPrinter } from '../../print/chromium-printer';
import { FakeVolumes } from '../../../src/testing/fake-volumes';
import { platformVolumes } from '../../../main/volumes/platform-volumes';
import { ShiftedClock } from './shifted-clock';

const RENDERER_INDEX = path.resolve('dist/renderer/index.html');

/**
 * One idle "minute" lasts this long in tests, so R-11 can be exercised in seconds. Three, not
 * one: the default ten "minutes" must outlast creating a vault (scrypt) and reading its
 * recovery sheet on a loaded two-core machine, or the vault locks under the spec.
 */
export const TEST_MINUTE_MS = 3000;

interface BridgeFixtures {
  vaultDir: string;
  /**
   * The platform printer of the tests: 打印 and 保存为 PDF both render the register to a
   * PDF in this test's folder with page.pdf() in the same Chromium (Electron's
   * printToPDF stand-in). `files` lists what was written.
   */
  printer: ReturnType<typeof chromiumPrinter>;
  /** Removable volumes for this test: temp folders that specs plug in and out. */
  volumes: FakeVolumes;
  /** The core's clock: real time unless a spec moves it forward. */
  clock: ShiftedClock;
  services: Services;
  /** A page with window.api bridged to `services` and the app loaded. */
  app: Page;
}

const SANDBOX_REFUSED_HARNESS = "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed";

export const test = base.extend<BridgeFixtures>({
  vaultDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baomi-e2e-'));
    try {
      await use(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  printer: async ({ browser }, use) => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'baomi-e2e-print-'));
    try {
      await use(chromiumPrinter(browser, outDir));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },

  volumes: async ({}, use) => {
    const volumes = new FakeVolumes();
    // The app's own eviction where the platform has one, so a read-back here comes off the
    // (temp-folder) disk too.
    const evict = platformVolumes().evictCache;
    if (evict) volumes.evictCache = evict;
    try {
      await use(volumes);
    } finally {
      volumes.cleanup();
    }
  },

  clock: async ({}, use) => {
    await use(new ShiftedClock());
  },

  services: async ({ vaultDir, printer, volumes, clock }, use) => {
    const services = createServices({
      vaultDir,
      clock,
      migrationsDir: path.resolve('migrations'),
      minuteMs: TEST_MINUTE_MS,
      printer,
      volumes,
    });
    try {
      await use(services);
    } finally {
      services.dispose();
    }
  },

  app: async ({ page, services }, use) => {
    if (!existsSync(RENDERER_INDEX)) {
      throw new Error(`${RENDERER_INDEX} is missing: run \`npm run build:renderer\` first`);
    }
    await page.exposeFunction('__baomiInvoke', (channel: string, input: unknown) =>
      dispatch(services.handlers, channel, input),
    );
    // Mirrors main/build-api.ts (it cannot be imported into the page): one frozen function
    // per channel, and only the first argument crosses.
    await page.addInitScript((channels: readonly string[]) => {
      type Invoke = (channel: string, input: unknown) => Promise<unknown>;
      const w = window as unknown as { __baomiInvoke: Invoke; api: unknown };
      const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
      for (const channel of channels) {
        const i = channel.indexOf(':');
        const group = (api[channel.slice(0, i)] ??= {});
        group[channel.slice(i + 1)] = (input?: unknown) => w.__baomiInvoke(channel, input);
      }
      for (const group of Object.values(api)) Object.freeze(group);
      Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
    }, CHANNELS);
    // The app must work with no network at all, and must not break its own CSP: any
    // request off file:/data:, any uncaught error and any console error fails the test.
    const problems: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) problems.push(`network request: ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The harness's own init script (addInitScript, exposeFunction) is offered to every
      // frame; the print preview's sandbox refuses it, as it should. The preview itself
      // holds no script at all (carriers.spec.ts counts them), so nothing of the app hides here.
      if (m.type() === 'error' && !m.text().startsWith(SANDBOX_REFUSED_HARNESS)) problems.push(`console error: ${m.text()}`);
    });
    await page.goto(pathToFileURL(RENDERER_INDEX).href);
    await use(page);
    expect(problems, 'the page stayed offline and error-free').toEqual([]);
  },
});

export { expect } from '@playwright/test';
