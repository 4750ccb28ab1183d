/**
 * `npm run check:no-network`: proves, as far as a static scan can, that the product
 * holds no network code. Scans
 *   (a) our sources: src/, main/, renderer/src/ (+ renderer/index.html), tests excluded;
 *   (b) what ships: dist/main/*.cjs, dist/renderer/** (run `npm run build` first),
 *       and the JS of the production dependencies that electron-builder copies as is.
 * Exits 1 listing file:line:column and the rule for every hit.
 * Usage: tsx build/scripts/check-no-network.ts [--root <repo>]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isEntry } from './is-entry';
import { scanForNetwork, type Finding } from './network-scan';

const SOURCE_DIRS = ['src', 'main', 'renderer/src'];
const SOURCE_FILE = /\.(?:tsx?|[cm]?js|css|html)$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
// The checker's own files name every forbidden pattern.
const SELF = new Set(['check-no-network.ts', 'check-no-network.test.ts', 'network-scan.ts']);
const BUNDLE_FILE = /\.(?:[cm]?js|css|html)$/;
const DEPENDENCY_SKIP_DIRS = new Set(['deps', 'src', 'test', 'tests', 'benchmark', 'benchmarks', 'docs', 'example', 'examples', '.github']);

const walk = (dir: string, keep: (file: string) => boolean, skipDir: (name: string) => boolean = () => false): string[] => {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !skipDir(entry.name)) out.push(...walk(full, keep, skipDir));
    } else if (entry.isFile() && keep(full)) out.push(full);
  }
  return out;
};

/** Production dependencies, transitively, as electron-builder would copy them. */
const productionDependencies = (root: string): string[] => {
  const seen = new Set<string>();
  const visit = (pkgJson: string) => {
    if (!existsSync(pkgJson)) return;
    const deps = Object.keys((JSON.parse(readFileSync(pkgJson, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
    for (const d of deps) {
      if (seen.has(d)) continue;
      seen.add(d);
      visit(path.join(root, 'node_modules', d, 'package.json'));
    }
  };
  visit(path.join(root, 'package.json'));
  return [...seen].sort();
};

export interface ScanReport {
  findings: Finding[];
  counts: { sources: number; bundles: number; dependencies: number };
  missing: string[];
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
  const dependencyFiles = productionDependencies(root).flatMap((d) =>
    walk(path.join(root, 'node_modules', d), (f) => /\.[cm]?js$/.test(f), (n) => DEPENDENCY_SKIP_DIRS.has(n)),
  );

  const missing: string[] = [];
  if (mainBundles.length === 0) missing.push('dist/main/*.cjs');
  if (rendererBundles.length === 0) missing.push('dist/renderer/**');

  const findings = [
    ...sources.flatMap((f) => scanForNetwork(rel(f), readFileSync(f, 'utf8'))),
    ...[...mainBundles, ...rendererBundles, ...dependencyFiles].flatMap((f) =>
      scanForNetwork(rel(f), readFileSync(f, 'utf8'), { raw: true }),
    ),
  ];
  return {
    findings,
    counts: { sources: sources.length, bundles: mainBundles.length + rendererBundles.length, dependencies: dependencyFiles.length },
    missing,
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
    console.error(`${f.file}:${f.line}:${f.column}  [${f.rule}]  ${f.excerpt}`);
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
