import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  BLOCKED_URL_PATTERNS,
  CHROMIUM_SWITCHES,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSenderUrl,
  mainWindowOptions,
  printWindowOptions,
  secureWebPreferences,
} from './security-policy';

describe('content security policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'none'; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-src 'none'",
    );
  });

  it('allows no remote source and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval|wasm-unsafe-eval/);
  });
});

describe('app URLs and navigation', () => {
  it('accepts pages of the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://app/index.html#/ledger')).toBe(true);
    expect(isAllowedNavigation('app://app/')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://app/index.html',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://app.evil/index.html',
    'app://user:pw@app/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('does not trust a missing sender frame', () => {
    expect(isTrustedSenderUrl(null)).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

describe('blocked URL patterns', () => {
  it('cover every network scheme a page could use', () => {
    expect([...BLOCKED_URL_PATTERNS].sort()).toEqual(
      ['ftp://*/*', 'http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'].sort(),
    );
  });
});

describe('web preferences', () => {
  it('lock the renderer down', () => {
    const prefs = secureWebPreferences({ preloadPath: '/p/preload.cjs', isPackaged: true });
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('allow DevTools only in development', () => {
    expect(secureWebPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
  });

  it('give the main window its Chinese title and size', () => {
    const o = mainWindowOptions({ preloadPath: 'p', isPackaged: true });
    expect(o).toMatchObject({ title: '保密台账', width: 1280, height: 800, show: false });
    expect(o.webPreferences.sandbox).toBe(true);
  });
});

describe('print windows', () => {
  it('are hidden, locked down, and get no preload (so no window.api)', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).not.toHaveProperty('preload');
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
  });
});

describe('Chromium switches', () => {
  it('turn off the browser-initiated network features', () => {
    const names = CHROMIUM_SWITCHES.map(([n]) => n);
    for (const n of ['disable-background-networking', 'disable-component-update', 'no-pings', 'no-proxy-server']) {
      expect(names).toContain(n);
    }
  });
});
