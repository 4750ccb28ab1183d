import { createHandlers, type Handlers } from '../api/handlers';
import { systemClock, type Clock } from '../clock';
import { loadMigrations } from '../db/migrate';
import { DEFAULT_KDF, type KdfParams } from '../vault/key-slots';
import { VaultService } from '../vault/vault-service';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ledgerContext } from '../api/handlers/ledger-context';
import { fontFaceCss, fontPackageDir } from '../print/font-face';
import { PrintService } from '../print/print-service';
import type { Printer } from '../print/print-types';
import { BackupService } from '../backup/backup-service';
import type { VolumeProvider } from '../backup/volume';
import type { BackupFs } from '../backup/backup-writer';

export interface ServicesConfig {
  vaultDir: string;
  migrationsDir: string;
  clock?: Clock;
  kdf?: KdfParams;
  /** Milliseconds in one idle "minute"; only tests shorten it. */
  minuteMs?: number;
  /** The platform's printer (Electron in the app, Chromium in end-to-end tests). */
  printer?: Printer | null;
  /** Where printouts load the shipped font files from (app:// in the app). */
  fontBaseUrl?: string;
  /** Folder holding the font's 400.css and 700.css (the packaged app's resources). */
  fontCssDir?: string;
  /** The platform's removable volumes (main/ lists them; tests use temp folders). */
  volumes?: VolumeProvider;
  /** File operations of backups; tests inject faults here. */
  backupFs?: BackupFs;
  appVersion?: string;
}

export interface Services {
  vault: VaultService;
  handlers: Handlers;
  clock: Clock;
  print: PrintService;
  backup: BackupService;
  dispose(): void;
}

/** The one place where the core's services are built and wired together. */
export function createServices(config: ServicesConfig): Services {
  const clock = config.clock ?? systemClock;
  const vault = new VaultService({
    dir: config.vaultDir,
    migrations: loadMigrations(config.migrationsDir),
    clock,
    kdf: config.kdf ?? DEFAULT_KDF,
    minuteMs: config.minuteMs ?? 60_000,
  });
  let fontCss: string | null = null;
  // Resolved on first print only: the development defaults come from node_modules, which a
  // packaged app does not have (main passes both paths there).
  const loadFontCss = (): string => {
    const cssDir = config.fontCssDir ?? fontPackageDir();
    const base = config.fontBaseUrl ?? pathToFileURL(join(cssDir, 'files')).href;
    return fontFaceCss(base, (weight) => readFileSync(join(cssDir, `${weight}.css`), 'utf8'));
  };
  const print = new PrintService({
    context: () => ledgerContext(vault, clock),
    printer: config.printer ?? null,
    fontCss: () => (fontCss ??= loadFontCss()),
  });
  const backup = new BackupService({
    vault,
    volumes: config.volumes ?? { list: async () => [] },
    context: () => ledgerContext(vault, clock),
    appVersion: config.appVersion ?? '0.0.0',
    ...(config.backupFs ? { fs: config.backupFs } : {}),
  });
  const handlers = createHandlers({ vault, clock, print, backup });
  return { vault, handlers, clock, print, backup, dispose: () => vault.dispose() };
}
