/**
 * One planted snippet per rule added after the review of the no-network check: each is
 * a way the first version let network code through with "OK, 0 findings".
 */
import { describe, expect, it } from 'vitest';
import { scanForNetwork } from './network-scan';

const rules = (code: string, file = 'main/x.ts', raw = false) => scanForNetwork(file, code, { raw }).map((f) => f.rule);

describe('loaders this check could not see through', () => {
  it.each([
    ["const a = process.getBuiltinModule('node:http');", 'getBuiltinModule'],
    ['const { getBuiltinModule } = process; getBuiltinModule(name);', 'getBuiltinModule'],
    ["const b = createRequire(import.meta.url)('node:https');", 'createRequire'],
    ['const req = createRequire(__filename); req(x);', 'createRequire'],
    ["const c = require('ht' + 'tp');", 'dynamic require'],
    ['const d = require(name);', 'dynamic require'],
    ['const e = require(`node:${m}`);', 'dynamic require'],
    ["module.require(['n', 'e', 't'].join(''));", 'dynamic require'],
    ['const f = await import(name);', 'dynamic import'],
    ["const g = await import('node:' + 'dgram');", 'dynamic import'],
    ["const r = require; r('https');", 'require as a value'],
    ['const load = typeof x === "y" ? other : require;', 'require as a value'],
    ["require.call(null, 'https')", 'require as a value'],
    ["process.binding('tcp_wrap')", 'process.binding'],
    ["(process as any).binding('udp_wrap')", 'process.binding'],
    ["process._linkedBinding('electron_browser_net')", 'process.binding'],
    ["process['binding']('cares_wrap')", 'process.binding'],
    ["globalThis['fe' + 'tch'](u)", 'computed global'],
    ['window[name](u)', 'computed global'],
    ["Reflect.get(globalThis, 'fe' + 'tch')", 'computed global'],
    ['Object.getOwnPropertyDescriptor(globalThis, k)', 'computed global'],
    ['eval(code)', 'eval'],
    ["new Function('return this')()", 'eval'],
    ["import vm from 'node:vm';", 'eval'],
    ["import inspector from 'node:inspector';", 'node network module'],
    ["require('_http_client')", 'node network module'],
    ["import WebSocketImpl from 'ws';", 'network package'],
  ])('flags %s', (code, rule) => {
    expect(rules(code)).toContain(rule);
  });

  it('allows the loader uses the project has: literal names, createRequire(url).resolve', () => {
    const clean = [
      "import { createRequire } from 'node:module';",
      "const { createRequire: cr } = require('node:module');",
      "const tsx = createRequire(import.meta.url).resolve('tsx');",
      'const d = (0, import_node_module.createRequire)(__baomi_import_meta_url).resolve("@fontsource/x");',
      "const fs = require('node:fs'); const m = await import('./m.js'); const n = import(`./n.js`);",
      "const ref: typeof import('node:fs') = null!;",
      'if (require.main === module) run(); const p = require.resolve(name);',
      "const text = 'the unit may require more; see the settings';",
      "const hint = '(require a second approver)', other = 'or: require(x) is text here';",
      "const env = process.env[name]; const w = window['innerWidth'];",
      'Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, "value");',
    ].join('\n');
    expect(scanForNetwork('main/clean.ts', clean)).toEqual([]);
  });
});

describe('fetch and the browser and Electron network APIs', () => {
  it.each([
    ['const get = fetch; get(url);', 'fetch'],
    ['Reflect.apply(fetch, null, [url]);', 'fetch'],
    ["session.fromPartition('x').fetch('https://collector.example/');", 'fetch'],
    ['ses.fetch(u)', 'fetch'],
    ['const { fetch } = globalThis;', 'fetch'],
    ['net.fetch(u)', 'electron net'],
    ["electron.net.request('https://x')", 'electron net'],
    ['const r = import_electron.net.request(o);', 'electron net'],
    ["import { net as n } from 'electron/main';", 'electron net import'],
    ["session.defaultSession.resolveHost('example.com')", 'electron session network'],
    ["win.webContents.downloadURL('https://collector.example/')", 'electron session network'],
    ["ses.preconnect({ url: 'https://x', numSockets: 1 })", 'electron session network'],
    ["shell.openExternal('https://example.com')", 'openExternal'],
    ["utilityProcess.fork('x.js')", 'utilityProcess'],
    ["win.loadURL('https://example.com/')", 'remote src/href'],
    ['new webkitRTCPeerConnection({})', 'WebRTC'],
    ["pc.createDataChannel('x') as RTCDataChannel", 'WebRTC'],
    ["new EventSource('/e')", 'EventSource'],
    ['navigator.sendBeacon(u, body)', 'sendBeacon'],
    ["new WebTransport('https://x')", 'WebTransport'],
    ["new WebSocketStream('wss://x')", 'WebSocket'],
  ])('flags %s', (code, rule) => {
    expect(rules(code)).toContain(rule);
  });

  it('says what is wrong in each finding', () => {
    const [f] = scanForNetwork('main/x.ts', 'const get = fetch;');
    expect(f?.message).toMatch(/fetch/);
    for (const g of scanForNetwork('main/x.ts', "process.getBuiltinModule('node:http'); execFile('curl', []);")) {
      expect(g.message.length).toBeGreaterThan(20);
    }
  });
});
