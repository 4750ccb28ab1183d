import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports } from './check-imports';
import { scanImports } from './import-scan';

const root = path.resolve('/repo');
const srcRules = (text: string, file = 'src/vault/x.ts') =>
  scanImports(root, path.join(root, file), text, 'src').map((f) => f.rule);
const rendererRules = (text: string, file = 'renderer/src/pages/x.tsx') =>
  scanImports(root, path.join(root, file), text, 'renderer').map((f) => f.rule);

describe('scanImports in src/', () => {
  it.each([
    ["import { app } from 'electron';", 'src imports electron'],
    ["import type { BrowserWindow } from 'electron';", 'src imports electron'],
    ["const { ipcMain } = require('electron');", 'src imports electron'],
    ["type T = typeof import('electron');", 'src imports electron'],
    ["import { useState } from 'react';", 'src imports react'],
    ["import { jsx } from 'react/jsx-runtime';", 'src imports react'],
    ["import { createRoot } from 'react-dom/client';", 'src imports react-dom'],
    ["import { Button } from '@mantine/core';", 'src imports @mantine'],
    ["export { x } from '../../main/security';", 'src imports from main/ or renderer/'],
    ["import { App } from '../../renderer/src/app';", 'src imports from main/ or renderer/'],
  ])('flags %s', (code, rule) => {
    expect(srcRules(code)).toContain(rule);
  });

  it.each([
    ['window.setTimeout(f, 1)'],
    ['document.title = "x"'],
    ['navigator.clipboard.writeText(k)'],
    ['localStorage.setItem("k", "v")'],
    ['const el: HTMLElement | null = null'],
  ])('flags the DOM global in %s', (code) => {
    expect(srcRules(code).some((r) => r.startsWith('src uses DOM global'))).toBe(true);
  });

  it('applies to test files too', () => {
    expect(srcRules("import { app } from 'electron';", 'src/vault/x.test.ts')).toEqual(['src imports electron']);
  });

  it('passes clean core code, comments and look-alikes', () => {
    const clean = [
      "import { z } from 'zod';",
      "import Database from 'better-sqlite3-multiple-ciphers';",
      "import { ok } from '../api/result';",
      '// the idle window. It resets on activity; see document. in the spec',
      'const slidingWindow = { start: 0 }; slidingWindow.start = 1;',
      "const reactor = 'react'; const label = 'window.';",
    ].join('\n');
    expect(srcRules(clean)).toEqual([]);
  });

  it('reports the line of the violation', () => {
    const [f] = scanImports(root, path.join(root, 'src/a.ts'), "const a = 1;\n\nimport 'electron';\n", 'src');
    expect(f).toMatchObject({ file: 'src/a.ts', line: 3, rule: 'src imports electron' });
  });
});

describe('scanImports in renderer/', () => {
  it('flags relative imports that resolve into main/', () => {
    expect(rendererRules("import { buildApi } from '../../../main/build-api';")).toEqual(['renderer imports from main/']);
    expect(rendererRules("import x from '../../main/preload'", 'renderer/src/x.ts')).toEqual(['renderer imports from main/']);
  });

  it('allows react, mantine, src/ types and renderer-internal paths', () => {
    const ok = [
      "import { Button } from '@mantine/core';",
      "import type { Api } from '../../../src/api/contract';",
      "import { useApi } from '../hooks/use-api';",
      "import main from './main';",
      "import { x } from './domain/main/x';",
    ].join('\n');
    expect(rendererRules(ok)).toEqual([]);
  });
});

describe('check-imports on a file tree', () => {
  let tree = '';
  const write = (rel: string, text: string) => {
    const full = path.join(tree, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  afterEach(() => {
    if (tree) rmSync(tree, { recursive: true, force: true });
  });

  it('passes a clean tree and fails, via the CLI, on planted violations', () => {
    tree = mkdtempSync(path.join(tmpdir(), 'baomi-imports-'));
    write('src/core.ts', "import { z } from 'zod';\nexport const s = z.string();\n");
    write('renderer/src/app.tsx', "import type { Api } from '../../src/api/contract';\n");
    write('main/main.ts', "import { app } from 'electron';\n");
    expect(checkImports(tree).findings).toEqual([]);

    write('src/ui.test.ts', "import { render } from 'react-dom';\n");
    write('src/store.ts', "export const get = () => localStorage.getItem('k');\n");
    write('renderer/src/leak.ts', "export { registerIpc } from '../../main/ipc-register';\n");
    const r = spawnSync(
      process.execPath,
      [
        path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(import.meta.dirname, 'check-imports.ts'),
        '--root',
        tree,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/ui.test.ts:1  [src imports react-dom]');
    expect(r.stderr).toContain('src/store.ts:1  [src uses DOM global localStorage]');
    expect(r.stderr).toContain('renderer/src/leak.ts:1  [renderer imports from main/]');
    expect(r.stderr).toContain('3 finding(s)');
  });
});
