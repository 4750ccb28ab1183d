/**
 * Bundles the Electron main process and the preload with esbuild:
 *   main/main.ts    -> dist/main/main.cjs     (Node, electron + the SQLite addon external)
 *   main/preload.ts -> dist/main/preload.cjs  (sandboxed: only 'electron' may stay a require)
 *   src/db/checks/check-worker.ts -> dist/main/check-worker.cjs (a backup check's worker
 *     thread; check-runner.ts finds it beside the main bundle)
 * and refuses a bundle whose remaining imports break those rules.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { CHANNELS } from '../../src/api/contract';
import { isEntry } from './is-entry';
import { NETWORK_BLOCKER_MODULES, NETWORK_BLOCKER_SOURCE, NETWORK_MODULES } from './network-modules';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(repoRoot, 'dist', 'main');

const common: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  // src/ is ESM and may use import.meta; in a CommonJS bundle it would be empty. The
  // shims make it name the bundle file, which is what module resolution from the
  // bundle needs (createRequire(import.meta.url) finds node_modules above dist/main).
  banner: {
    // The directive first: a banner goes above esbuild's own "use strict".
    js: '"use strict";\nconst __baomi_import_meta_url = require("node:url").pathToFileURL(__filename).href;',
  },
  define: {
    'process.env.NODE_ENV': '"production"',
    'import.meta.url': '__baomi_import_meta_url',
    'import.meta.filename': '__filename',
    'import.meta.dirname': '__dirname',
  },
};

export const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers'] as const;
export const PRELOAD_EXTERNALS = ['electron'] as const;
export const WORKER_EXTERNALS = ['better-sqlite3-multiple-ciphers'] as const;

const stripNodePrefix = (p: string) => (p.startsWith('node:') ? p.slice(5) : p);

/**
 * What a bundle still imports at run time, and which of those are not allowed:
 * network modules anywhere (but the run-time block's own, imported by it alone), and
 * anything but `allowed` (plus Node built-ins when `builtinsAllowed`) elsewhere.
 */
export const disallowedImports = (
  metafile: Metafile,
  allowed: readonly string[],
  builtinsAllowed: boolean,
  builtins: readonly string[],
): string[] => {
  const rootOf = (p: string) => stripNodePrefix(p).split('/')[0] ?? p;
  // Which of our files import each network module; outputs do not say.
  const importers = new Map<string, Set<string>>();
  for (const [input, meta] of Object.entries(metafile.inputs)) {
    for (const imp of meta.imports) {
      if (imp.external && NETWORK_MODULES.includes(rootOf(imp.path))) {
        importers.set(imp.path, (importers.get(imp.path) ?? new Set()).add(input));
      }
    }
  }
  const onlyTheBlocker = (p: string) => {
    const from = importers.get(p);
    return (
      NETWORK_BLOCKER_MODULES.includes(stripNodePrefix(p)) &&
      from !== undefined &&
      [...from].every((input) => input === NETWORK_BLOCKER_SOURCE)
    );
  };
  const bad = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external) continue;
      const bare = stripNodePrefix(imp.path);
      if (NETWORK_MODULES.includes(rootOf(imp.path))) {
        if (!onlyTheBlocker(imp.path)) bad.add(imp.path);
      } else if (allowed.includes(imp.path)) continue;
      else if (!(builtinsAllowed && builtins.includes(bare))) bad.add(imp.path);
    }
  }
  return [...bad].sort();
};

const bundle = async (
  entry: string,
  outfile: string,
  external: readonly string[],
  define: Record<string, string> = {},
  importMetaShim = true,
): Promise<Metafile> => {
  const result = await build({
    ...common,
    // The sandboxed preload has no node:url to require, and uses no import.meta.
    ...(importMetaShim ? {} : { banner: {} }),
    metafile: true,
    entryPoints: [path.join(repoRoot, entry)],
    outfile: path.join(outDir, outfile),
    external: [...external],
    define: { ...common.define, ...define },
  });
  return result.metafile;
};

const run = async (): Promise<void> => {
  const { builtinModules } = await import('node:module');
  await mkdir(outDir, { recursive: true });

  const main = await bundle('main/main.ts', 'main.cjs', MAIN_EXTERNALS);
  const worker = await bundle('src/db/checks/check-worker.ts', 'check-worker.cjs', WORKER_EXTERNALS);
  // The channel list as data, so the preload does not bundle the contract's zod schemas.
  const preload = await bundle('main/preload.ts', 'preload.cjs', PRELOAD_EXTERNALS, {
    BAOMI_CHANNELS: JSON.stringify(CHANNELS),
  }, false);

  const problems = [
    ...disallowedImports(main, MAIN_EXTERNALS, true, builtinModules).map(
      (p) => `dist/main/main.cjs requires "${p}"`,
    ),
    ...disallowedImports(worker, WORKER_EXTERNALS, true, builtinModules).map(
      (p) => `dist/main/check-worker.cjs requires "${p}"`,
    ),
    // A sandboxed preload cannot require Node built-ins at all.
    ...disallowedImports(preload, PRELOAD_EXTERNALS, false, builtinModules).map(
      (p) => `dist/main/preload.cjs requires "${p}"`,
    ),
    ...Object.keys(preload.inputs)
      .filter((p) => p.includes('node_modules/'))
      .map((p) => `dist/main/preload.cjs bundles ${p}`),
  ];
  if (problems.length > 0) {
    console.error(`build-main: refusing the bundles:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  for (const [name, meta] of [
    ['main.cjs', main],
    ['preload.cjs', preload],
    ['check-worker.cjs', worker],
  ] as const) {
    const bytes = Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0);
    console.log(`build-main: dist/main/${name} (${(bytes / 1024).toFixed(0)} KiB)`);
  }
};

if (isEntry(import.meta.filename)) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
