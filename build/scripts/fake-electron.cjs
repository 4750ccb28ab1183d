'use strict';
// A stand-in for the 'electron' module, so the built dist/main/main.cjs can be started
// under plain Node (no Electron binary exists on the build machines). Preloaded with
// `node -r`, it answers require('electron') with fakes that record what main does,
// then drives a short scenario and prints a JSON report for main-bundle.test.ts.
// This proves the wiring of the bundle; it is not Electron and proves nothing about
// Chromium's behaviour.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const os = require('node:os');
const path = require('node:path');

const log = [];
const report = { log };
const app = new EventEmitter();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const listeners = { ipc: new Map(), protocol: new Map() };
const windows = [];
const sessionState = {};

const fakeWebContents = () => {
  const wc = new EventEmitter();
  wc.session = defaultSession;
  wc.setWindowOpenHandler = (h) => (wc.openHandler = h);
  wc.setWebRTCIPHandlingPolicy = (p) => (wc.webrtcPolicy = p);
  return wc;
};

const defaultSession = {
  setPermissionRequestHandler: (h) => (sessionState.request = h),
  setPermissionCheckHandler: (h) => (sessionState.check = h),
  setDevicePermissionHandler: (h) => (sessionState.device = h),
  setSpellCheckerEnabled: (v) => (sessionState.spell = v),
  webRequest: { onBeforeRequest: (filter, l) => Object.assign(sessionState, { filter, before: l }) },
};

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = fakeWebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    log.push(`loadURL ${url}`);
    this.url = url;
    if (windows.indexOf(this) === 0) setTimeout(scenario, 0);
  }
  show() {}
  isMinimized() {
    return false;
  }
  focus() {}
  restore() {}
}

Object.assign(app, {
  isPackaged: false,
  commandLine: { appendSwitch: (name, value) => log.push(`switch ${name}${value ? `=${value}` : ''}`) },
  requestSingleInstanceLock: () => true,
  whenReady: () => ready,
  getAppPath: () => process.cwd(),
  getVersion: () => require(path.join(process.cwd(), 'package.json')).version,
  getPath: (name) => path.join(os.tmpdir(), `baomi-fake-${name}`),
  setAppUserModelId: () => {},
  quit: () => {
    log.push('app.quit');
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    app.emit('will-quit', event);
    if (!event.defaultPrevented) finish();
  },
  exit: (code) => {
    report.exit = code;
    finish();
  },
});

const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, l) => listeners.ipc.set(channel, l) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      log.push(`privileged ${JSON.stringify(schemes)}`);
      setTimeout(() => {
        log.push('ready');
        readyResolve();
      }, 0);
    },
    handle: (scheme, h) => listeners.protocol.set(scheme, h),
  },
  session: { defaultSession },
  Menu: { setApplicationMenu: (m) => log.push(`menu ${m}`) },
  dialog: {
    showErrorBox: (title, message) => Object.assign(report, { errorBox: { title, message } }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  contextBridge: {},
  ipcRenderer: {},
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};
module.exports = electron;

async function scenario() {
  try {
    const serve = listeners.protocol.get('app');
    const get = async (url) => {
      const res = await serve(new Request(url));
      return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type') };
    };
    report.index = await get('app://app/index.html');
    report.traversal = await get('app://app/%2e%2e/%2e%2e/package.json');
    report.font = await get(`app://app/_fonts/${process.env.FAKE_FONT_FILE}`);
    report.channels = [...listeners.ipc.keys()];
    const invoke = (url, channel, input) => listeners.ipc.get(channel)({ senderFrame: url ? { url } : null }, input);
    report.status = await invoke('app://app/index.html', 'vault:status', undefined);
    report.untrusted = await invoke('https://evil.example/', 'vault:status', undefined);
    report.malformed = await invoke('app://app/index.html', 'vault:unlock', { passphrase: 7 });
    report.mainWindow = windows[0].options;
    const nav = { url: 'https://example.com/', defaultPrevented: false, preventDefault: () => (nav.defaultPrevented = true) };
    windows[0].webContents.emit('will-navigate', nav);
    report.navigationPrevented = nav.defaultPrevented;
    report.windowOpen = windows[0].webContents.openHandler();
    report.webrtcPolicy = windows[0].webContents.webrtcPolicy;
    sessionState.before({ url: 'https://example.com/x' }, (r) => (report.request = r));
    sessionState.request(null, 'media', (g) => (report.permissionGranted = g));
    report.permissionCheck = sessionState.check(null, 'clipboard-read');
    report.requestFilter = sessionState.filter;
    app.quit();
  } catch (e) {
    report.scenarioError = String(e && e.stack ? e.stack : e);
    finish();
  }
}

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  process.stdout.write(`\nFAKE_ELECTRON_REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}
