/**
 * How the tests start Debian's Chromium, for the end-to-end specs (playwright.config.ts) and
 * for printing registers (chromium-printer.ts) alike. No imports: the Playwright config loads it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  // Module scripts are refused from file:// without it.
  '--allow-file-access-from-files',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
