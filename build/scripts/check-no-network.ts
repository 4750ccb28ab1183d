/**
 * `npm run check:no-network`: proves, as far as a static scan can, that the product
 * holds no network code. Scans
 *   (a) our sources: src/, main/, renderer/src/ (+ renderer/index.html), tests excluded;
 *   (b) what ships: dist/main/*.cjs, dist/renderer/** (run `npm run build` first),
 *       and the JS of the production dependencies that electron-builder copies as is.
 * Exits 1 listing file:line:column and the rule for every hit. It also checks that the
 * run-time block (src/platform/block-node-network.ts) is called by every entry point,
 * in the sources and in the bundles, so that the two halves stay honest together.
 * Usage: tsx build/scripts/check-no-network.ts [--root <repo>]
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isEntry } from './is-entry';
import { stripComments } from './strip-comments';
import { NETWORK_BLOCKER_MODULES, NETWORK_BLOCKER_SOURCE } from './network-modules';
import { scanForNetwork, type Finding } from './network-scan';

const SOURCE_DIRS = ['src', 'main', 'renderer/src'];
const SOURCE_FILE = /\.(?:tsx?|[cm]?js|css|html)$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
// The checker's own files name every forbidden pattern.
const SELF = new Set(['check-no-network.ts', 'check-no-network.test.ts', 'network-scan.ts', 'child-process-scan.ts']);
const BUNDLE_FILE = /\.(?:[cm]?js|css|html)$/;

/**
 * Entry points that must call blockNodeNetwork() at their top level: each is a realm
 * of its own (the Electron main process, the check worker thread, the CLI).
 */
export const BLOCKING_ENTRIES: readonly string[] = ['main/main.ts', 'main/cli.ts', 'src/db/checks/check-worker.ts'];
export const BLOCKING_BUNDLES: readonly string[] = ['dist/main/main.cjs', 'dist/main/check-worker.cjs'];
const TOP_LEVEL_BLOCK_CALL = /^blockNodeNetwork\(\);?\s*$/m;

/**
 * The run-time block names what it disables. It alone may, and only with these rules;
 * in a bundle, esbuild's `// src/platform/block-node-network.ts` header marks its part.
 */
const BLOCKER_RULES = new Set(['node network module', 'fetch', 'WebSocket', 'EventSource', 'process.binding']);
const BLOCKER_MODULE = new RegExp(String.raw`['"\`](?:node:)?(?:${NETWORK_BLOCKER_MODULES.join('|')})['"\`]`);

export interface Allowance {
  file: string;
  rule: string;
  /** Tested on the finding's excerpt, so that only the reviewed use passes. */
  excerpt: RegExp;
  reason: string;
}

/**
 * Production dependencies that do not ship, so are not scanned, each with the reason.
 * Skipped only while electron-builder.yml still excludes the whole package (checked).
 */
export const UNSHIPPED_DEPENDENCIES: Readonly<Record<string, string>> = {
  'node-addon-api':
    'C++ headers for compiling the SQLite addon; nothing requires it at run time, and its tools/ (spawn python, clang-format) are build-time scripts',
};

const excludedFromPackage = (root: string, name: string): boolean => {
  const config = path.join(root, 'electron-builder.yml');
  return existsSync(config) && readFileSync(config, 'utf8').split('\n').some((l) => l.trim() === `- "!node_modules/${name}/**"`);
};

/** Findings in dependencies that were read and judged harmless; each says why. */
export const ALLOWANCES: readonly Allowance[] = [
  {
    file: 'node_modules/better-sqlite3-multiple-ciphers/lib/binding.js',
    rule: 'dynamic require',
    excerpt: /DEFAULT_ADDON = require\(filename\)/,
    reason: 'loads its own prebuilt .node addon (prebuilds/<platform>-<arch>.node or build/Release) by a path it computes',
  },
  {
    file: 'node_modules/better-sqlite3-multiple-ciphers/lib/binding.js',
    rule: 'require as a value',
    excerpt: /__non_webpack_require__ : require;/,
    reason:
      "picks Node's require (or webpack's) to load a .node addon from the nativeBinding option, which src/db/open-database.ts never passes",
  },
];

const walk = (
  dir: string,
  keep: (file: string) => boolean,
  skipDir: (name: string) => boolean = () => false,
  seen: Set<string> = new Set(),
): string[] => {
  if (!existsSync(dir)) return [];
  // Symbolic links are followed (a linked file ships as its target), each folder once.
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const stat = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : entry;
    if (stat?.isDirectory()) {
      if (entry.name !== 'node_modules' && !skipDir(entry.name)) out.push(...walk(full, keep, skipDir, seen));
    } else if (stat?.isFile() && keep(full)) out.push(full);
  }
  return out;
};

/**
 * Production dependencies, transitively, as electron-builder would copy them: resolved
 * the way Node does (a nested node_modules first), each as its package directory. The
 * root's optionalDependencies are the Node toolchain pin, which electron-builder.yml
 * leaves out of the package.
 */
const productionDependencies = (root: string): string[] => {
  const seen = new Set<string>();
  const resolveFrom = (dir: string, name: string): string | null => {
    for (let d = dir; ; d = path.dirname(d)) {
      const candidate = path.join(d, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (d === root || path.dirname(d) === d) return null;
    }
  };
  const visit = (dir: string, isRoot: boolean) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const names = Object.keys({ ...pkg.dependencies, ...(isRoot ? {} : pkg.optionalDependencies) });
    for (const name of names) {
      const found = resolveFrom(dir, name);
      if (found === null || seen.has(found)) continue;
      seen.add(found);
      visit(found, false);
    }
  };
  if (existsSync(path.join(root, 'package.json'))) visit(root, true);
  return [...seen].sort();
};

/**
 * Lines [from, to) of the run-time block's part of an esbuild bundle: from its header to
 * the next module's. None unless the header occurs exactly once, since a string in some
 * bundled module could carry a copy of that line.
 */
const blockerSection = (text: string): [number, number] | null => {
  const lines = text.split('\n');
  const header = `// ${NETWORK_BLOCKER_SOURCE}`;
  const start = lines.findIndex((l) => l.trim() === header);
  if (start < 0 || lines.findIndex((l, i) => i > start && l.trim() === header) >= 0) return null;
  const next = lines.findIndex((l, i) => i > start && /^\/\/ [\w@.\/-]+\.[cm]?[jt]sx?$/.test(l.trim()));
  return [start + 1, next < 0 ? lines.length + 1 : next + 1];
};

const isBlockerUse = (f: Finding) =>
  BLOCKER_RULES.has(f.rule) && (f.rule !== 'node network module' || BLOCKER_MODULE.test(f.excerpt));

export interface ScanReport {
  findings: Finding[];
  counts: { sources: number; bundles: number; dependencies: number };
  missing: string[];
  /** Allowances that matched nothing: the dependency changed, so the entry should go. */
  unusedAllowances: Allowance[];
}

export const checkTree = (root: string): ScanReport => {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const sources = [
    ...SOURCE_DIRS.flatMap((d) =>
      walk(path.join(root, d), (f) => SOURCE_FILE.test(f) && !TEST_FILE.test(f) && !SELF.has(path.basename(f)), (n) => n === 'test'),
    ),
    ...[path.join(root, 'renderer', 'index.html')].filter((f) => existsSync(f)),
  ];
  const mainBundles = walk(path.join(root, 'dist', 'main'), (f) => f.endsWith('.cjs'));
  const rendererBundles = walk(path.join(root, 'dist', 'renderer'), (f) => BUNDLE_FILE.test(f));
  // Nothing inside a package is skipped by name: src/, test/ or docs/ can hold the
  // file its main requires. Nested node_modules are packages of their own, found above.
  const dependencyFiles = productionDependencies(root)
    .filter((dir) => {
      // Only a top-level copy: the exclusion pattern does not reach nested ones.
      const name = rel(dir).replace(/^node_modules\//, '');
      return !(name in UNSHIPPED_DEPENDENCIES && excludedFromPackage(root, name));
    })
    .flatMap((dir) => walk(dir, (f) => /\.[cm]?js$/.test(f)));

  const missing: string[] = [];
  if (mainBundles.length === 0) missing.push('dist/main/*.cjs');
  if (rendererBundles.length === 0) missing.push('dist/renderer/**');

  const scanned = [
    ...sources.map((f) => ({ file: rel(f), text: readFileSync(f, 'utf8'), raw: false })),
    ...[...mainBundles, ...rendererBundles, ...dependencyFiles].map((f) => ({ file: rel(f), text: readFileSync(f, 'utf8'), raw: true })),
  ];
  const used = new Set<Allowance>();
  const findings: Finding[] = [];
  for (const { file, text, raw } of scanned) {
    const section = raw && BLOCKING_BUNDLES.includes(file) ? blockerSection(text) : null;
    for (const f of scanForNetwork(file, text, { raw })) {
      const inBlocker = file === NETWORK_BLOCKER_SOURCE || (section !== null && f.line >= section[0] && f.line < section[1]);
      if (inBlocker && isBlockerUse(f)) continue;
      const allowance = ALLOWANCES.find((a) => a.file === f.file && a.rule === f.rule && a.excerpt.test(f.excerpt));
      if (allowance) {
        used.add(allowance);
        continue;
      }
      findings.push(f);
    }
    const mustBlock = raw ? BLOCKING_BUNDLES.includes(file) : BLOCKING_ENTRIES.includes(file);
    if (mustBlock && !TOP_LEVEL_BLOCK_CALL.test(raw ? text : stripComments(text))) {
      findings.push({
        file,
        line: 1,
        column: 1,
        rule: 'runtime block missing',
        message: raw
          ? 'this bundle does not call blockNodeNetwork() at its top level; rebuild it (npm run build)'
          : 'this entry point must call blockNodeNetwork() at its top level, before it does anything else',
        excerpt: '',
      });
    }
  }
  const scannedFiles = new Set(scanned.map((s) => s.file));
  return {
    findings,
    counts: { sources: sources.length, bundles: mainBundles.length + rendererBundles.length, dependencies: dependencyFiles.length },
    missing,
    unusedAllowances: ALLOWANCES.filter((a) => scannedFiles.has(a.file) && !used.has(a)),
  };
};

const main = (): number => {
  const i = process.argv.indexOf('--root');
  const root = path.resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1] as string : path.join(import.meta.dirname, '..', '..'));
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`check:no-network: no such directory ${root}`);
    return 2;
  }
  const report = checkTree(root);
  for (const f of report.findings) {
    console.error(`${f.file}:${f.line}:${f.column}  [${f.rule}] ${f.message}${f.excerpt ? `\n    ${f.excerpt}` : ''}`);
  }
  for (const a of report.unusedAllowances) {
    console.warn(`check:no-network: allowance for ${a.file} [${a.rule}] matched nothing; remove it if the dependency changed`);
  }
  const { sources, bundles, dependencies } = report.counts;
  const summary = `${sources} source files, ${bundles} bundle files, ${dependencies} dependency files`;
  if (report.findings.length > 0) {
    console.error(`check:no-network: FAILED, ${report.findings.length} finding(s) in ${summary}`);
    return 1;
  }
  if (report.missing.length > 0) {
    console.error(`check:no-network: cannot vouch for the build, missing ${report.missing.join(' and ')}; run \`npm run build\` first`);
    return 1;
  }
  console.log(`check:no-network: OK, 0 findings in ${summary}`);
  return 0;
};

if (isEntry(import.meta.filename)) process.exit(main());
