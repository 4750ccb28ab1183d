import { builtinModules } from 'node:module';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { MAIN_EXTERNALS, PRELOAD_EXTERNALS, disallowedImports } from './build-main';

const meta = (...paths: string[]): Metafile => ({
  inputs: {},
  outputs: {
    'dist/main/x.cjs': {
      bytes: 1,
      inputs: {},
      exports: [],
      imports: paths.map((p) => ({ path: p, kind: 'require-call' as const, external: true })),
    },
  },
});

/** A bundle whose inputs import `imports`: { 'src/x.ts': ['node:net'] }. */
const metaFrom = (imports: Record<string, string[]>): Metafile => {
  const all = [...new Set(Object.values(imports).flat())];
  const m = meta(...all);
  for (const [input, paths] of Object.entries(imports)) {
    m.inputs[input] = { bytes: 1, imports: paths.map((p) => ({ path: p, kind: 'import-statement' as const, external: true })) };
  }
  return m;
};

describe('disallowedImports', () => {
  it('lets the run-time block, and it alone, import the modules it disables', () => {
    const blocker = 'src/platform/block-node-network.ts';
    const own = ['node:net', 'node:dgram', 'node:dns', 'node:http2'];
    expect(disallowedImports(metaFrom({ [blocker]: own, 'main/main.ts': ['node:fs'] }), MAIN_EXTERNALS, true, builtinModules)).toEqual([]);
    expect(
      disallowedImports(metaFrom({ [blocker]: own, 'main/volumes/x.ts': ['node:net'] }), MAIN_EXTERNALS, true, builtinModules),
    ).toEqual(['node:net']);
    expect(disallowedImports(metaFrom({ [blocker]: ['node:https', 'node:tls'] }), MAIN_EXTERNALS, true, builtinModules)).toEqual([
      'node:https',
      'node:tls',
    ]);
  });

  it('refuses inspector and the old _http_/_tls_ names', () => {
    expect(disallowedImports(meta('node:inspector', '_http_client', '_tls_wrap'), MAIN_EXTERNALS, true, builtinModules)).toEqual([
      '_http_client',
      '_tls_wrap',
      'node:inspector',
    ]);
  });

  it('lets main require electron, the SQLite addon and ordinary built-ins', () => {
    expect(
      disallowedImports(meta('electron', 'better-sqlite3-multiple-ciphers', 'node:fs', 'node:crypto', 'path'), MAIN_EXTERNALS, true, builtinModules),
    ).toEqual([]);
  });

  it('refuses network built-ins in main, with or without node:', () => {
    expect(
      disallowedImports(meta('node:https', 'net', 'node:dns/promises', 'http2'), MAIN_EXTERNALS, true, builtinModules),
    ).toEqual(['http2', 'net', 'node:dns/promises', 'node:https']);
  });

  it('refuses unexpected packages left external', () => {
    expect(disallowedImports(meta('left-pad'), MAIN_EXTERNALS, true, builtinModules)).toEqual(['left-pad']);
  });

  it('allows only electron in the sandboxed preload', () => {
    expect(disallowedImports(meta('electron'), PRELOAD_EXTERNALS, false, builtinModules)).toEqual([]);
    expect(disallowedImports(meta('electron', 'node:fs'), PRELOAD_EXTERNALS, false, builtinModules)).toEqual(['node:fs']);
  });
});
