/**
 * `npm run check:imports`: fails when src/ (tests included) imports electron, react,
 * react-dom or @mantine/*, uses DOM globals, or reaches into main/ or renderer/; or
 * when renderer/ imports from main/.
 * Usage: tsx build/scripts/check-imports.ts [--root <repo>]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanImports, type Area, type ImportFinding } from './import-scan';
import { isEntry } from './is-entry';

const CODE_FILE = /\.(?:tsx?|[cm]?[jt]s)$/;

const walk = (dir: string): string[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(full);
    return e.isFile() && CODE_FILE.test(e.name) ? [full] : [];
  });
};

export const checkImports = (root: string): { findings: ImportFinding[]; files: number } => {
  const areas: [Area, string][] = [
    ['src', path.join(root, 'src')],
    ['renderer', path.join(root, 'renderer')],
  ];
  let files = 0;
  const findings = areas.flatMap(([area, dir]) =>
    walk(dir).flatMap((f) => {
      files++;
      return scanImports(root, f, readFileSync(f, 'utf8'), area);
    }),
  );
  return { findings, files };
};

const main = (): number => {
  const i = process.argv.indexOf('--root');
  const arg = i >= 0 ? process.argv[i + 1] : undefined;
  const root = path.resolve(arg ?? path.join(import.meta.dirname, '..', '..'));
  const { findings, files } = checkImports(root);
  for (const f of findings) console.error(`${f.file}:${f.line}  [${f.rule}]  ${f.excerpt}`);
  if (findings.length > 0) {
    console.error(`check:imports: FAILED, ${findings.length} finding(s) in ${files} files`);
    return 1;
  }
  console.log(`check:imports: OK, 0 findings in ${files} files`);
  return 0;
};

if (isEntry(import.meta.filename)) process.exit(main());
