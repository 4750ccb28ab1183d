import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import http from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// This realm (vitest's) never blocks: it runs the loopback servers the blocked realms try.
const moduleUrl = new URL('./block-node-network.ts', import.meta.url).href;
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Runs in a worker thread, which has its own built-in modules: blocking there leaves
 * this realm (and vitest) alone, and is exactly what check-worker.ts does. Each attempt
 * reports 'ERR_NETWORK_BLOCKED' when refused, anything else when it got through.
 */
const WORKER = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { execFile } = require('node:child_process');
const { port, udpPort, block, moduleUrl } = workerData;
const settle = (f) => new Promise((resolve) => {
  const timer = setTimeout(() => resolve('timeout'), 3000);
  const done = (v) => { clearTimeout(timer); resolve(v); };
  try { Promise.resolve(f(done)).catch((e) => done(e.code ?? String(e))); } catch (e) { done(e.code ?? String(e)); }
});
(async () => {
  const { blockNodeNetwork } = await import(moduleUrl);
  if (block) blockNodeNetwork();
  // Loaded after the block on purpose: their own set-up must still work.
  const net = require('node:net'); const http = require('node:http'); const https = require('node:https');
  const tls = require('node:tls'); const dgram = require('node:dgram'); const dns = require('node:dns');
  const http2 = require('node:http2');
  const url = 'http://127.0.0.1:' + port + '/';
  const r = {};
  r['http.get'] = await settle((done) => http.get(url, (res) => { res.resume(); done('connected'); }).on('error', (e) => done(e.code)));
  r['net.connect'] = await settle((done) => { const s = net.connect(port, '127.0.0.1', () => { s.destroy(); done('connected'); }); s.on('error', (e) => done(e.code)); });
  r['fetch'] = await settle(async (done) => { const res = await fetch(url); await res.text(); done('connected'); });
  r['dgram.send'] = await settle((done) => { const s = dgram.createSocket('udp4'); s.send('x', udpPort, '127.0.0.1', (e) => { s.close(); done(e ? e.code : 'sent'); }); });
  r['dns.lookup'] = await settle((done) => dns.lookup('localhost', (e) => done(e ? e.code : 'resolved')));
  r['dns.promises.lookup'] = await settle(async (done) => { await dns.promises.lookup('localhost'); done('resolved'); });
  r['dns ESM lookup'] = await settle(async (done) => { const m = await import('node:dns'); m.lookup('localhost', () => done('resolved')); });
  r['listen'] = await settle((done) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { s.close(); done('listening'); }); });
  r['WebSocket'] = await settle((done) => { const ws = new WebSocket('ws://127.0.0.1:' + port + '/'); ws.onerror = () => done('connected'); ws.onopen = () => { ws.close(); done('connected'); }; });
  r['process.binding tcp_wrap'] = await settle((done) => { process.binding('tcp_wrap'); done('allowed'); });
  if (block) {
    // Only when blocked: unblocked, these would really go looking for a DNS server.
    r['https.get'] = await settle((done) => https.get('https://127.0.0.1:' + port + '/').on('error', (e) => done(e.code)));
    r['tls.connect'] = await settle((done) => tls.connect(port, '127.0.0.1').on('error', (e) => done(e.code)));
    r['http2.connect'] = await settle((done) => http2.connect(url).on('error', (e) => done(e.code)));
    r['new dgram.Socket().bind'] = await settle((done) => { new dgram.Socket('udp4').bind(0, () => done('bound')); });
    r['dns.Resolver.resolve4'] = await settle((done) => new dns.Resolver().resolve4('localhost', (e) => done(e ? e.code : 'resolved')));
    r['dns.promises.Resolver.resolve4'] = await settle(async (done) => { await new dns.promises.Resolver().resolve4('localhost'); done('resolved'); });
    r['restore connect'] = await settle((done) => { net.Socket.prototype.connect = function () {}; done('restored'); });
  }
  const child = await new Promise((resolve) => execFile(process.execPath, ['-e', 'console.log(1)'], (e, out) => resolve(e ? String(e) : out.trim())));
  parentPort.postMessage({ r, child });
})().catch((e) => parentPort.postMessage({ fatal: String(e && e.stack || e) }));
`;

interface WorkerReport {
  r: Record<string, string>;
  child: string;
  fatal?: string;
}

let server: http.Server;
let udp: dgram.Socket;
let connections = 0;
let datagrams = 0;
let port = 0;
let udpPort = 0;

const runWorker = async (block: boolean): Promise<WorkerReport> => {
  const w = new Worker(WORKER, { eval: true, execArgv: ['--import', tsx], workerData: { port, udpPort, block, moduleUrl } });
  const [message] = (await once(w, 'message')) as [WorkerReport];
  await w.terminate();
  expect(message.fatal).toBeUndefined();
  return message;
};

// Started before any worker blocks, so 'saw no connection' means refused, not absent.
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as { port: number }).port;
  udp = dgram.createSocket('udp4');
  udp.on('message', () => datagrams++);
  udp.bind(0, '127.0.0.1');
  await once(udp, 'listening');
  udpPort = udp.address().port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  udp.close();
});

describe('blockNodeNetwork', () => {
  it('without it, the same attempts reach the loopback server (the control)', async () => {
    connections = 0;
    datagrams = 0;
    const { r, child } = await runWorker(false);
    for (const [attempt, outcome] of Object.entries(r)) expect(outcome, attempt).not.toBe('ERR_NETWORK_BLOCKED');
    // http.get, net.connect, and fetch (WebSocket may reuse fetch's pooled connection).
    await expect.poll(() => connections).toBeGreaterThanOrEqual(3);
    await expect.poll(() => datagrams).toBe(1);
    expect(child).toBe('1');
  });

  it('refuses http, https, tls, net, fetch, WebSocket, dgram, dns, http2 and listen; the server sees nothing', async () => {
    connections = 0;
    datagrams = 0;
    const { r, child } = await runWorker(true);
    const { ['restore connect']: restore, ...attempts } = r;
    expect(Object.keys(attempts)).toHaveLength(16);
    for (const [attempt, outcome] of Object.entries(attempts)) expect(outcome, attempt).toBe('ERR_NETWORK_BLOCKED');
    // Read-only: a saved original cannot be put back.
    expect(restore).toMatch(/read only|read-only/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connections).toBe(0);
    expect(datagrams).toBe(0);
    // Child processes' stdio pipes and the worker's own messages still work.
    expect(child).toBe('1');
  });

  it('in a whole process (as main and the CLI use it): refuses a connection, still runs a child with piped stdio', () => {
    const script = `import(${JSON.stringify(moduleUrl)}).then(({ blockNodeNetwork }) => { blockNodeNetwork();
      let connect = 'allowed';
      try { require('node:net').connect(${port}, '127.0.0.1').on('connect', function () { this.destroy(); }); } catch (e) { connect = e.code; }
      require('node:child_process').execFile(process.execPath, ['-e', 'console.log(1)'], (e, out) =>
        console.log(connect + ', child said ' + (e ? 'nothing' : out.trim()))); });`;
    connections = 0;
    const out = execFileSync(process.execPath, ['--import', tsx, '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('ERR_NETWORK_BLOCKED, child said 1');
    expect(connections).toBe(0);
  });
});
