/**
 * The security decisions of the main process, as data and pure functions, so that
 * tests can pin them down without Electron. `security.ts` applies them.
 */
import type { WebPreferences } from 'electron';

/** The app is served from one fixed origin, never from file:// or a network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Sent with every app:// response; connect-src 'none' also forbids XHR/fetch to self. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Cancelled at run time by the session's webRequest filter, whatever asked for them. */
export const BLOCKED_URL_PATTERNS: readonly string[] = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
];

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** True only for URLs of our own origin; credentials in the URL are never ours. */
export const isAppUrl = (url: string): boolean => {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
};

/** The single page may reload itself; it may never leave the app origin. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);

/** A sender is trusted when its frame still shows one of our pages. */
export const isTrustedSenderUrl = (url: string | null | undefined): boolean =>
  typeof url === 'string' && isAppUrl(url);

export const secureWebPreferences = (options: {
  /** Omitted for windows that must not get window.api (print jobs). */
  preloadPath?: string;
  isPackaged: boolean;
}): WebPreferences => ({
  ...(options.preloadPath === undefined ? {} : { preload: options.preloadPath }),
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // Dictionaries would be downloaded from Google; the machine is never online.
  spellcheck: false,
  // A dropped file would otherwise replace the app with a file:// page.
  navigateOnDragDrop: false,
  safeDialogs: true,
  devTools: !options.isPackaged,
});

export const MAIN_WINDOW_TITLE = '保密台账';

export const mainWindowOptions = (options: { preloadPath: string; isPackaged: boolean }) => ({
  title: MAIN_WINDOW_TITLE,
  width: 1280,
  height: 800,
  minWidth: 1024,
  minHeight: 640,
  // Shown on ready-to-show, so the officer never sees an empty white frame.
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: true,
  webPreferences: secureWebPreferences(options),
});

/** A hidden window per print job: same lockdown, no preload, never shown. */
export const printWindowOptions = () => ({
  show: false,
  // A4 at 96 dpi, so layout before printing matches the page.
  width: 794,
  height: 1123,
  webPreferences: secureWebPreferences({ isPackaged: true }),
});

/**
 * Chromium switches that stop it from reaching out on its own (component updates,
 * hyperlink auditing pings, proxy auto-discovery lookups, network-quality probes).
 * They complement, not replace, the webRequest block: they cover requests the
 * browser process makes that no web page initiated.
 */
export const CHROMIUM_SWITCHES: readonly (readonly [string] | readonly [string, string])[] = [
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-breakpad'],
  ['no-pings'],
  ['no-proxy-server'],
  ['disable-features', 'AutofillServerCommunication,MediaRouter,OptimizationHints,Translate'],
  ['lang', 'zh-CN'],
];
