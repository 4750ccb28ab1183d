/**
 * Starts the built dist/main/main.cjs under plain Node with fake-electron.cjs standing
 * in for Electron, and checks its wiring: switches and scheme before ready, the app://
 * handler, every contract channel on ipcMain with the trust check, the window's
 * lockdown, the session's blocks, and a quit that disposes the services. This is not
 * Electron (see electron-smoke.test.ts for that). Needs `npm run build:main` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/api/contract';

// Spelled out: build/ is typed with src/, which cannot see main/ (its tests pin these too).
const APP_ENTRY_URL = 'app://app/index.html';
const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const bundle = path.join(repoRoot, 'dist', 'main', 'main.cjs');
const fontFiles = path.join(repoRoot, 'node_modules', '@fontsource', 'noto-sans-sc', 'files');
const ready = existsSync(bundle) && existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'));

interface Report {
  log: string[];
  scenarioError?: string;
  errorBox?: unknown;
  index: { status: number; csp: string };
  traversal: { status: number };
  font: { status: number; type: string };
  channels: string[];
  status: unknown;
  untrusted: unknown;
  malformed: unknown;
  mainWindow: { title: string; webPreferences: Record<string, unknown> };
  navigationPrevented: boolean;
  windowOpen: unknown;
  webrtcPolicy: string | undefined;
  request: unknown;
  permissionGranted: boolean;
  permissionCheck: boolean;
  requestFilter: { urls: string[] };
}

describe('dist/main/main.cjs under a fake Electron', () => {
  it.skipIf(!ready)(
    ready ? 'wires security, protocol, IPC and quit' : 'wiring check (skipped: run `npm run build` first)',
    () => {
      const vault = mkdtempSync(path.join(tmpdir(), 'baomi-bundle-'));
      try {
        const font = readdirSync(fontFiles).find((f) => f.endsWith('-400-normal.woff2')) ?? 'missing.woff2';
        const r = spawnSync(process.execPath, ['-r', path.join(import.meta.dirname, 'fake-electron.cjs'), bundle], {
          cwd: repoRoot,
          encoding: 'utf8',
          timeout: 30_000,
          env: { ...process.env, BAOMI_VAULT_DIR: vault, FAKE_FONT_FILE: font },
        });
        const line = r.stdout.split('\n').find((l) => l.startsWith('FAKE_ELECTRON_REPORT '));
        expect(line, r.stderr).toBeDefined();
        const report = JSON.parse((line as string).slice('FAKE_ELECTRON_REPORT '.length)) as Report;
        expect(report.scenarioError).toBeUndefined();
        expect(report.errorBox).toBeUndefined();

        const { log } = report;
        expect(log.indexOf('switch disable-background-networking')).toBeLessThan(log.indexOf('ready'));
        expect(log.findIndex((l) => l.startsWith('privileged '))).toBeLessThan(log.indexOf('ready'));
        expect(log).toContain(`loadURL ${APP_ENTRY_URL}`);

        expect(report.index.status).toBe(200);
        expect(report.index.csp).toContain("default-src 'self'");
        expect(report.index.csp).toContain("connect-src 'none'");
        expect(report.traversal.status).toBe(404);
        expect(report.font).toMatchObject({ status: 200, type: 'font/woff2' });

        expect([...report.channels].sort()).toEqual([...CHANNELS].sort());
        expect(report.status).toMatchObject({ ok: true });
        expect(report.untrusted).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(report.malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

        expect(report.mainWindow.title).toBe('保密台账');
        expect(report.mainWindow.webPreferences).toMatchObject({
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          preload: path.join(repoRoot, 'dist', 'main', 'preload.cjs'),
        });
        expect(report.navigationPrevented).toBe(true);
        expect(report.windowOpen).toEqual({ action: 'deny' });
        expect(report.webrtcPolicy).toBe('disable_non_proxied_udp');
        expect(report.request).toEqual({ cancel: true });
        expect(report.requestFilter.urls).toEqual(BLOCKED_URL_PATTERNS);
        expect(report.permissionGranted).toBe(false);
        expect(report.permissionCheck).toBe(false);

        // The first quit is held while the services are disposed, then resumed.
        expect(log.filter((l) => l === 'app.quit')).toHaveLength(2);
      } finally {
        rmSync(vault, { recursive: true, force: true });
      }
    },
  );
});
