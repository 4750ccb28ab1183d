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

describe('disallowedImports', () => {
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
