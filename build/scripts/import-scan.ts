/**
 * The rules of `npm run check:imports`, pure over (path, text) so tests can plant
 * violations. They keep the layers apart: src/ is the Electron-free, DOM-free core
 * (it also runs under plain Node in the CLI and the tests), and the renderer talks to
 * main only through window.api, never by importing main's code.
 */
import path from 'node:path';
import { stripComments } from './strip-comments';

export interface ImportFinding {
  file: string;
  line: number;
  rule: string;
  excerpt: string;
}

export type Area = 'src' | 'renderer';

// `from 'x'` (import/export ... from), `import 'x'`, `import('x')`, `require('x')`.
const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*(['"`])([^'"`\n]+)\1/g;

const FORBIDDEN_IN_SRC: readonly { rule: string; test: (spec: string) => boolean }[] = [
  { rule: 'src imports electron', test: (s) => s === 'electron' || s.startsWith('electron/') },
  { rule: 'src imports react', test: (s) => s === 'react' || s.startsWith('react/') },
  { rule: 'src imports react-dom', test: (s) => s === 'react-dom' || s.startsWith('react-dom/') },
  { rule: 'src imports @mantine', test: (s) => s.startsWith('@mantine/') },
];

const DOM_GLOBALS = /(?<![\w$.])(?:window|document|navigator)\s*\.|\bglobalThis\s*\.\s*(?:window|document|navigator)\b|\b(?:localStorage|sessionStorage|HTMLElement)\b/g;

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

const excerpt = (text: string, index: number): string => {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim().slice(0, 160);
};

const inside = (dir: string, target: string): boolean => {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * `file` is absolute (relative imports are resolved against it); `root` is the
 * repository root, used for the layer directories and for reporting.
 */
export const scanImports = (root: string, file: string, text: string, area: Area): ImportFinding[] => {
  const code = stripComments(text);
  const shown = path.relative(root, file).split(path.sep).join('/');
  const findings: ImportFinding[] = [];
  const add = (index: number, rule: string) =>
    findings.push({ file: shown, line: lineOf(code, index), rule, excerpt: excerpt(text, index) });

  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[2] as string;
    const index = m.index ?? 0;
    const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
    if (area === 'src') {
      for (const f of FORBIDDEN_IN_SRC) if (f.test(spec)) add(index, f.rule);
      if (target && (inside(path.join(root, 'main'), target) || inside(path.join(root, 'renderer'), target))) {
        add(index, 'src imports from main/ or renderer/');
      }
    } else if (target && inside(path.join(root, 'main'), target)) {
      add(index, 'renderer imports from main/');
    }
  }
  if (area === 'src') {
    // Text such as '请关闭 window.' in a message is not a use of the global.
    const bare = stripComments(text, { strings: true });
    for (const m of bare.matchAll(DOM_GLOBALS)) add(m.index ?? 0, `src uses DOM global ${m[0].replace(/\s|\./g, '')}`);
  }
  return findings.sort((a, b) => a.line - b.line);
};
