import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTree } from './check-no-network';
import { scanForNetwork } from './network-scan';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const BLOCKING_MAIN = "import { app } from 'electron';\nimport { blockNodeNetwork } from '../src/platform/block-node-network';\n\nblockNodeNetwork();\n";
// esbuild's shape: a `// path` header before each module's code.
const BLOCKING_BUNDLE = [
  '"use strict";',
  '// src/platform/block-node-network.ts',
  'var import_node_net = __toESM(require("node:net"), 1);',
  'var blockNodeNetwork = () => { seal(globalThis, "fetch", "fetch"); };',
  '',
  '// main/main.ts',
  'blockNodeNetwork();',
  '',
].join('\n');
const rules = (file: string, text: string, raw = false) =>
  scanForNetwork(file, text, { raw }).map((f) => f.rule);

describe('scanForNetwork', () => {
  it.each([
    ["const r = await fetch('/x');", 'fetch'],
    ['window.fetch(url)', 'fetch'],
    ["globalThis['fetch'](url)", 'fetch'],
    ["const https = require('node:https');", 'node network module'],
    ["const h = require('https')", 'node network module'],
    ['import net from "net";', 'node network module'],
    ["import { connect } from 'node:tls';", 'node network module'],
    ["import { lookup } from 'dns/promises';", 'node network module'],
    ["await import('node:http2')", 'node network module'],
    ["import axios from 'axios';", 'network package'],
    ["const ws = new WebSocket('ws://x');", 'WebSocket'],
    ['const x = new XMLHttpRequest();', 'XMLHttpRequest'],
    ["new EventSource('/events')", 'EventSource'],
    ['navigator.sendBeacon(u, d)', 'sendBeacon'],
    ["importScripts('w.js')", 'importScripts'],
    ["import { autoUpdater } from 'electron';", 'autoUpdater'],
    ["import { autoUpdater } from 'electron-updater';", 'electron-updater'],
    ["import { app, net } from 'electron';", 'electron net import'],
    ["const { net } = require('electron');", 'electron net import'],
    ['net.request({ url })', 'electron net'],
    ['<img src="https://example.com/a.png" />', 'remote src/href'],
    ["<link href='//cdn.example/x.css'>", 'remote src/href'],
    ['a.href = "http://example.com"', 'remote src/href'],
    ['new RTCPeerConnection()', 'WebRTC'],
  ])('flags %s', (code, rule) => {
    expect(rules('renderer/src/x.tsx', code)).toContain(rule);
  });

  it.each([
    ['@font-face { font-family: X; src: url(https://fonts.example/x.woff2) }', 'remote url()'],
    ['.a { background: url("//cdn.example/a.png") }', 'remote url()'],
    ["@import url('https://fonts.example/css');", 'remote @import'],
    ['@import "http://fonts.example/css";', 'remote @import'],
  ])('flags remote CSS %s', (css, rule) => {
    expect(rules('renderer/src/x.css', css)).toContain(rule);
  });

  it('flags a remote font in a CSS-in-JS string', () => {
    expect(rules('renderer/src/x.ts', "const css = `@font-face { src: url('https://f.example/a.woff2') }`;")).toContain('remote url()');
  });

  it('flags an import that spans lines, at the right line', () => {
    const f = scanForNetwork('main/x.ts', "const a = 1;\nimport {\n  app,\n  net,\n} from 'electron';\n");
    expect(f.map((x) => [x.rule, x.line])).toEqual([['electron net import', 2]]);
  });

  it('passes clean code with look-alike words', () => {
    const clean = [
      '// rows are fetched lazily; prefetch the next page',
      'const fetched = rows.length; const prefetchCount = 2;',
      'router.prefetch(route); const isFetching = false;',
      'const internet = 0; const subnet = "a"; const networkName = "x";',
      '@font-face { font-family: Local; src: url(./fonts/a.woff2) format("woff2"); }',
      'const svg = "http://www.w3.org/2000/svg";',
      '<img src="./logo.png" /> <a href="#/ledger">台账</a>',
    ].join('\n');
    expect(scanForNetwork('renderer/src/clean.tsx', clean)).toEqual([]);
  });

  it('ignores comments in our sources but not in bundles', () => {
    const code = '// never call fetch( here\n/* new WebSocket() */\nconst a = 1;';
    expect(scanForNetwork('src/a.ts', code)).toEqual([]);
    expect(rules('dist/main/main.cjs', code, true)).toEqual(['fetch', 'WebSocket']);
  });

  it('reports line and column', () => {
    const [f] = scanForNetwork('dist/renderer/assets/a.js', 'a();\nb(); fetch("/x")', { raw: true });
    expect(f).toMatchObject({ file: 'dist/renderer/assets/a.js', line: 2, column: 6, rule: 'fetch' });
  });
});

describe('check-no-network on a file tree', () => {
  let root = '';
  const write = (rel: string, text: string) => {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  const plantCleanTree = () => {
    root = mkdtempSync(path.join(tmpdir(), 'baomi-nonet-'));
    write('package.json', JSON.stringify({ name: 't', dependencies: {} }));
    write('src/a.ts', 'export const a = 1;\n');
    write('main/main.ts', BLOCKING_MAIN);
    write('renderer/src/app.tsx', 'export const App = () => null;\n');
    write('renderer/src/app.test.tsx', "await fetch('/only-in-a-test');\n");
    write('dist/main/main.cjs', BLOCKING_BUNDLE);
    write('dist/main/preload.cjs', '"use strict";\n');
    write('dist/renderer/index.html', '<script type="module" src="./assets/a.js"></script>');
    write('dist/renderer/assets/a.js', 'console.log(1)');
  };
  const runCli = () =>
    spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(import.meta.dirname, 'check-no-network.ts'), '--root', root],
      { encoding: 'utf8' },
    );

  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('passes a clean tree (test files are not scanned)', () => {
    plantCleanTree();
    expect(checkTree(root).findings).toEqual([]);
    const r = runCli();
    expect(r.stdout).toContain('check:no-network: OK');
    expect(r.status).toBe(0);
  });

  it('fails on a fetch( planted in a renderer file, naming file and line', () => {
    plantCleanTree();
    write('renderer/src/leak.ts', "export const leak = () =>\n  fetch('https://example.com');\n");
    const r = runCli();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('renderer/src/leak.ts:2:3');
    expect(r.stderr).toContain('[fetch] names fetch');
  });

  it('fails on a network module in a built bundle', () => {
    plantCleanTree();
    write('dist/main/main.cjs', `var h = require("node:https");\n${BLOCKING_BUNDLE}`);
    const r = runCli();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('dist/main/main.cjs:1:9');
  });

  it('refuses to vouch for a tree that was not built', () => {
    plantCleanTree();
    rmSync(path.join(root, 'dist'), { recursive: true });
    const r = runCli();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run build');
  });

  it('scans production dependencies copied into the package', () => {
    plantCleanTree();
    write('package.json', JSON.stringify({ name: 't', dependencies: { dep: '1.0.0' } }));
    write('node_modules/dep/package.json', JSON.stringify({ name: 'dep' }));
    write('node_modules/dep/lib/index.js', 'module.exports = () => new XMLHttpRequest();');
    expect(checkTree(root).findings.map((f) => f.file)).toEqual(['node_modules/dep/lib/index.js']);
  });

  it('scans a dependency\'s src/ folder (and test/, docs/): its main may live there', () => {
    plantCleanTree();
    write('package.json', JSON.stringify({ name: 't', dependencies: { dep1: '1.0.0' } }));
    write('node_modules/dep1/package.json', JSON.stringify({ name: 'dep1', main: 'src/index.js' }));
    write('node_modules/dep1/src/index.js', 'module.exports = require("https").get("https://evil");');
    write('node_modules/dep1/test/x.js', 'new WebSocket("ws://x")');
    expect(checkTree(root).findings.map((f) => [f.file, f.rule])).toEqual([
      ['node_modules/dep1/src/index.js', 'node network module'],
      ['node_modules/dep1/test/x.js', 'WebSocket'],
    ]);
  });

  it('finds a dependency installed in a nested node_modules, as Node would', () => {
    plantCleanTree();
    write('package.json', JSON.stringify({ name: 't', dependencies: { outer: '1.0.0' } }));
    write('node_modules/outer/package.json', JSON.stringify({ name: 'outer', dependencies: { inner: '2.0.0' } }));
    write('node_modules/outer/index.js', 'module.exports = require("inner");');
    write('node_modules/outer/node_modules/inner/package.json', JSON.stringify({ name: 'inner' }));
    write('node_modules/outer/node_modules/inner/index.js', 'require("node:dgram").createSocket("udp4");');
    expect(checkTree(root).findings.map((f) => f.file)).toEqual(['node_modules/outer/node_modules/inner/index.js']);
  });

  it('skips an unshipped dependency only while electron-builder.yml excludes it', () => {
    plantCleanTree();
    write('package.json', JSON.stringify({ name: 't', dependencies: { 'node-addon-api': '8.0.0' } }));
    write('node_modules/node-addon-api/package.json', JSON.stringify({ name: 'node-addon-api' }));
    write('node_modules/node-addon-api/tools/x.js', 'require("child_process").spawn(cmd);');
    expect(checkTree(root).findings.map((f) => f.rule)).toEqual(['child_process']);
    write('electron-builder.yml', 'files:\n  - "!node_modules/node-addon-api/**"\n');
    expect(checkTree(root).findings).toEqual([]);
  });

  it('lets a reviewed dependency use pass, and nothing else in the same file', () => {
    plantCleanTree();
    write('package.json', JSON.stringify({ name: 't', dependencies: { 'better-sqlite3-multiple-ciphers': '1' } }));
    const dir = 'node_modules/better-sqlite3-multiple-ciphers';
    write(`${dir}/package.json`, JSON.stringify({ name: 'better-sqlite3-multiple-ciphers' }));
    write(`${dir}/lib/binding.js`, 'if (filename) { return DEFAULT_ADDON = require(filename); }\n');
    expect(checkTree(root).findings).toEqual([]);
    write(`${dir}/lib/binding.js`, 'if (filename) { return DEFAULT_ADDON = require(filename); }\nconst h = require(name);\n');
    expect(checkTree(root).findings.map((f) => [f.line, f.rule])).toEqual([[2, 'dynamic require']]);
  });

  it('lets the run-time block name what it blocks, in its source and its part of a bundle only', () => {
    plantCleanTree();
    const blocker = "import net from 'node:net';\nsealRefusal(globalThis, 'fetch', 'fetch');\nfor (const n of ['WebSocket', 'EventSource']) x(n);\n";
    write('src/platform/block-node-network.ts', blocker);
    expect(checkTree(root).findings).toEqual([]);
    write('src/elsewhere.ts', blocker);
    expect(checkTree(root).findings.map((f) => `${f.file} ${f.rule}`)).toEqual([
      'src/elsewhere.ts node network module',
      'src/elsewhere.ts fetch',
      'src/elsewhere.ts fetch',
      'src/elsewhere.ts WebSocket',
      'src/elsewhere.ts EventSource',
    ]);
    rmSync(path.join(root, 'src/elsewhere.ts'));
    // Only its own modules: https is not one of them.
    write('src/platform/block-node-network.ts', `${blocker}import https from 'node:https';\n`);
    expect(checkTree(root).findings.map((f) => f.excerpt)).toEqual([expect.stringContaining("'node:https'")]);
    write('src/platform/block-node-network.ts', blocker);
    write('dist/main/main.cjs', `${BLOCKING_BUNDLE}var t = require("node:net");\n`);
    expect(checkTree(root).findings.map((f) => [f.file, f.line, f.rule])).toEqual([['dist/main/main.cjs', 8, 'node network module']]);
    // A second copy of the header (say, inside a bundled string) voids the exemption.
    write('dist/main/main.cjs', `${BLOCKING_BUNDLE}const s = \`\n// src/platform/block-node-network.ts\nrequire("node:net")\`;\n`);
    expect(checkTree(root).findings.map((f) => f.line)).toEqual([3, 4, 4, 10]);
  });

  it('requires every entry point and its bundle to call blockNodeNetwork() at the top level', () => {
    plantCleanTree();
    write('main/main.ts', "import { app } from 'electron';\n// blockNodeNetwork();\nfunction later() {\n  blockNodeNetwork();\n}\n");
    write('main/cli.ts', BLOCKING_MAIN);
    write('src/db/checks/check-worker.ts', 'export {};\n');
    write('dist/main/check-worker.cjs', '"use strict";\n');
    expect(checkTree(root).findings.map((f) => `${f.file} ${f.rule}`).sort()).toEqual([
      'dist/main/check-worker.cjs runtime block missing',
      'main/main.ts runtime block missing',
      'src/db/checks/check-worker.ts runtime block missing',
    ]);
  });
});

describe('check-no-network on the real project', () => {
  it('passes its sources and production dependencies (the bundles are checked after a build)', () => {
    const report = checkTree(repoRoot);
    expect(report.findings.filter((f) => !f.file.startsWith('dist/'))).toEqual([]);
    expect(report.unusedAllowances).toEqual([]);
    expect(report.counts.dependencies).toBeGreaterThan(10);
  });
});
