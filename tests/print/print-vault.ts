import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { createServices, type Services } from '../../src/app/create-services';
import { ManualClock } from '../../src/testing/manual-clock';
import { MIGRATIONS_DIR, TEST_KDF } from '../../src/testing/temp-vault';
import { chromiumPrinter, launchChromium } from './chromium-printer';

export interface PrintVault {
  dir: string;
  /** The vault's services, made in the fixture's beforeAll: call it inside a test or hook. */
  services(): Services;
  clock: ManualClock;
  /** A handler called as the renderer calls it: through dispatch, its input validated. */
  call<T>(channel: string, input?: unknown): Promise<T>;
}

/**
 * A new vault whose print service renders with Debian's Chromium, made before the file's
 * own beforeAll (which seeds it) and removed after its tests.
 */
export function usePrintVault(prefix: string, opts: { now: string; unit: string }): PrintVault {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let browser: Browser | undefined;
  let services: Services | undefined;
  const made = (): Services => {
    if (!services) throw new Error('usePrintVault: the services are made in beforeAll');
    return services;
  };
  const vault: PrintVault = {
    dir,
    clock: new ManualClock(opts.now),
    services: made,
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const r = await dispatch(made().handlers, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as T;
    },
  };
  beforeAll(async () => {
    browser = await launchChromium();
    services = createServices({ vaultDir: join(dir, 'vault'), migrationsDir: MIGRATIONS_DIR, clock: vault.clock, kdf: TEST_KDF, printer: chromiumPrinter(browser, dir) });
    await services.vault.create({ unitName: opts.unit, officerName: '张保密', passphrase: 'Baomi#2026ok' });
  }, 60_000);
  afterAll(async () => {
    services?.dispose();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return vault;
}
