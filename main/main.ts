/**
 * Electron entry point: wiring only. Behaviour lives in src/, decisions in the
 * pure modules beside this file.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createServices, type Services } from '../src/app/create-services';
import { blockNodeNetwork } from '../src/platform/block-node-network';
import { platformVolumes } from './volumes/platform-volumes';
import { FONTS_PATH } from './app-protocol';
import { resolveAppPaths } from './app-paths';
import { disposeOnQuit } from './dispose-on-quit';
import { createElectronPrinter } from './electron-printer';
import { isTrustedAppSender, registerIpc } from './ipc-register';
import { PrintDocuments } from './print-documents';
import {
  applyChromiumSwitches,
  hardenAllSessions,
  hardenAllWebContents,
  hardenSession,
  registerAppScheme,
  serveAppScheme,
} from './security';
import { APP_ENTRY_URL, APP_ORIGIN, mainWindowOptions, printWindowOptions } from './security-policy';

// Before anything else runs (imports have only defined things): Node's sockets, DNS and
// fetch throw from here on. Chromium's requests are the sessions' business, below.
blockNodeNetwork();

const logBlocked = (url: string) => console.warn(`[保密台账] 已阻止网络请求: ${url}`);

// All three must happen before 'ready'; the sessions' hook sees the default session too.
applyChromiumSwitches(app.commandLine);
registerAppScheme(protocol);
hardenAllSessions(app, logBlocked);

if (!app.requestSingleInstanceLock()) {
  // Another instance holds the vault; it is focused through 'second-instance' below.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let services: Services | null = null;

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  hardenAllWebContents(app, logBlocked);
  disposeOnQuit(app, () => services?.dispose(), (e) => console.error('[保密台账] 关闭台账失败', e));

  const chooseSavePath = async (name: string): Promise<string | null> => {
    const options = {
      title: '保存为 PDF',
      defaultPath: path.join(app.getPath('documents'), name),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };

  const start = async () => {
    await app.whenReady();
    if (process.platform === 'win32') app.setAppUserModelId('cn.baomi.ledger');
    const paths = resolveAppPaths({
      env: process.env,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      userDataDir: app.getPath('userData'),
    });
    const documents = new PrintDocuments();
    hardenSession(session.defaultSession, logBlocked);
    serveAppScheme(protocol, { rendererRoot: paths.rendererDir, fontsRoot: paths.fontFilesDir, documents });
    services = createServices({
      vaultDir: paths.vaultDir,
      migrationsDir: paths.migrationsDir,
      fontBaseUrl: `${APP_ORIGIN}${FONTS_PATH.slice(0, -1)}`,
      fontCssDir: paths.fontDir,
      volumes: platformVolumes(),
      appVersion: app.getVersion(),
      printer: createElectronPrinter({
        createWindow: () => new BrowserWindow(printWindowOptions()),
        documents,
        chooseSavePath,
        writeFile: (file, data) => writeFile(file, data),
      }),
    });
    registerIpc(ipcMain, services.handlers, {
      isTrustedSender: isTrustedAppSender,
      onInternalError: (channel, e) => console.error(`[保密台账] ${channel} 内部错误`, e),
    });
    // The default menu carries links that open websites; this app needs none.
    Menu.setApplicationMenu(null);

    const win = new BrowserWindow(
      mainWindowOptions({ preloadPath: paths.preloadPath, isPackaged: app.isPackaged }),
    );
    mainWindow = win;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      mainWindow = null;
    });
    await win.loadURL(APP_ENTRY_URL);
  };

  start().catch((e: unknown) => {
    console.error('[保密台账] 启动失败', e);
    dialog.showErrorBox('保密台账无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}
