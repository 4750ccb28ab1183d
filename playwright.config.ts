import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/print/chromium-options';

// The window's clock runs in China time (timezoneId below). The core's handlers and the specs'
// own dates run in this Node process: they must keep the same calendar, or from 16:00 UTC the
// window's "today" is the core's tomorrow (a loan dated the 23rd falls outside a register
// printed up to the 22nd). In the app, window and main share the machine's time zone.
// Set before any worker starts, so the workers inherit it.
process.env.TZ = 'Asia/Shanghai';

// Playwright requires a default export from its config file.
export default defineConfig({
  testDir: 'tests/e2e',
  // The shared tsconfig's `paths` entry for better-sqlite3-multiple-ciphers points at its
  // .d.ts (for the type checker); Playwright would apply it at run time, so its loader
  // gets a tsconfig without paths.
  tsconfig: './tests/e2e/tsconfig.playwright.json',
  // Each spec unlocks real encrypted vaults (scrypt, about half a second per key slot).
  timeout: 60_000,
  // Saving a register as PDF takes 2-3 s on an idle 2-core machine; give room under load.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // A 2-core machine: parallel Chromiums plus scrypt only make each test flakier.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    locale: 'zh-CN',
    timezoneId: process.env.TZ,
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium' }],
});
