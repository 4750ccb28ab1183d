/**
 * The child_process rule of `npm run check:no-network`. Another program can reach a
 * network for us (curl, or powershell.exe's Invoke-WebRequest), so a program may be
 * started only by execFile/spawn (no shell) with a literal name from ALLOWED_COMMANDS,
 * and powershell.exe only with its reviewed arguments and script. Anything the scan
 * cannot follow (a computed name, the function handed on as a value) is a finding:
 * it fails closed.
 *
 * Follows the forms our sources and esbuild's bundles use: named, namespace and default
 * imports, `var x = require("node:child_process")`, `(0, x.execFile)(...)`, and one
 * alias (`run = execFile`, as a default parameter or a declaration) within its scope.
 */
import { createHash } from 'node:crypto';
import { stripComments } from './strip-comments';

export interface ChildProcessFinding {
  index: number;
  rule: string;
  message: string;
}

/** Programs main/volumes/ starts; none of them can reach a network with these uses. */
export const ALLOWED_COMMANDS: Readonly<Record<string, string>> = {
  lsblk: 'lists block devices from sysfs (main/volumes/lsblk-volumes.ts)',
  dd: 'drops a file from the page cache: iflag=nocache count=0 (main/volumes/evict-cache.ts)',
  'powershell.exe': 'queries removable drives and USB disks over local CIM (main/volumes/windows-volumes.ts); arguments and script pinned below',
};

const POWERSHELL_FLAGS = new Set(['-NoProfile', '-NonInteractive', '-NoLogo', '-ExecutionPolicy', 'Bypass', '-Command']);

/**
 * SHA-256 of each PowerShell script allowed to run. A script is code with the whole of
 * .NET at hand, so it is pinned, not pattern-checked: change it, review it for anything
 * that leaves the machine (web cmdlets, .NET sockets, -ComputerName, UNC paths), then
 * put its new hash here.
 */
export const ALLOWED_POWERSHELL_SCRIPTS: Readonly<Record<string, string>> = {
  // Reviewed: local CIM only (no -ComputerName/-CimSession), no web cmdlets or sockets.
  '7c869bf55453707a9a6060245c13ba7353dd50a5b83d223007b687ad874e39a1':
    'windows-volumes.ts POWERSHELL_SCRIPT: Get-CimInstance Win32_LogicalDisk DriveType=2 OR 3, Get-Partition | Get-Disk serial and bus type, ConvertTo-Json, then Base64 of its UTF-8',
};

const LAUNCHERS = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync', 'exec', 'execSync', 'fork']);
// A named group, so the pattern keeps its meaning inside bigger ones.
const CP = String.raw`(?<q>['"\`])(?:node:)?child_process\k<q>`;
const ID = String.raw`[A-Za-z_$][\w$]*`;

const RULE = 'child_process';

const escape = (s: string) => s.replace(/[$]/g, '\\$');

/** The value of a JS string literal, or null for anything else (a `${}` template too). */
export const literalValue = (src: string): string | null => {
  const m = /^(['"`])([\s\S]*)\1$/.exec(src.trim());
  if (!m) return null;
  const [, quote, body = ''] = m;
  if (quote === '`' && body.includes('${')) return null;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === quote) return null; // two literals glued together
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };
    if (e in simple) out += simple[e];
    else if (e === 'x') (out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16))), (i += 2);
    else if (e === 'u' && body[i + 1] === '{') {
      const end = body.indexOf('}', i);
      out += String.fromCodePoint(parseInt(body.slice(i + 2, end), 16));
      i = end;
    } else if (e === 'u') (out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16))), (i += 4);
    else out += e;
  }
  return out;
};

/** Index of the bracket closing the one at `open`, on code whose strings are blanked. */
const closing = (code: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
};

/** [start, end) of each top-level comma-separated part between from and to. */
const splitTopLevel = (code: string, from: number, to: number): [number, number][] => {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) parts.push([start, i]), (start = i + 1);
  }
  if (code.slice(start, to).trim() !== '') parts.push([start, to]);
  return parts;
};

/** The string a constant evaluates to, when it is made only of literals. */
const constantString = (text: string, code: string, name: string): string | null => {
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escape(name)}\s*(?::\s*string\s*)?=\s*`).exec(code);
  if (!decl) return null;
  const assignments = code.match(new RegExp(String.raw`(?<![\w$.])${escape(name)}\s*(?:[+]?=(?!=))`, 'g')) ?? [];
  if (assignments.length !== 1) return null; // assigned again after its declaration
  const start = decl.index + decl[0].length;
  let end = start;
  for (let depth = 0; end < code.length; end++) {
    const c = code[end];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === ';' || c === '\n') && depth === 0 && code.slice(start, end).trim() !== '' && !/[[(,+]\s*$/.test(code.slice(start, end))) break;
  }
  const init = text.slice(start, end).trim();
  const single = literalValue(init);
  if (single !== null) return single;
  const joined = /^\[([\s\S]*)\]\s*\.\s*join\s*\(([\s\S]*)\)$/.exec(init);
  if (!joined) return null;
  const items = splitTopLevel(stripComments(init, { strings: true }), 1, 1 + (joined[1] ?? '').length).map(([a, b]) => literalValue(init.slice(a, b)));
  const sep = literalValue(joined[2] ?? '');
  if (sep === null || items.some((v) => v === null)) return null;
  return items.join(sep);
};

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Checks one call of a launcher; `open` is the index of its `(`. */
const checkCall = (text: string, code: string, launcher: string, open: number): string[] => {
  const close = closing(code, open);
  if (close < 0) return [`${launcher}(…) could not be read to its end`];
  const spans = splitTopLevel(code, open + 1, close);
  const args = spans.map(([a, b]) => text.slice(a, b).trim());
  if (launcher === 'exec' || launcher === 'execSync') return [`${launcher} runs a shell command line; use execFile with an allowed program`];
  if (launcher === 'fork') return ['fork starts a Node script this check does not follow'];
  const command = literalValue(args[0] ?? '');
  if (command === null) return [`${launcher} of a program named by an expression (${(args[0] ?? '').slice(0, 40)}); only literal names in the allowlist may run`];
  if (!(command in ALLOWED_COMMANDS)) return [`${launcher}('${command}'): not in the allowlist (${Object.keys(ALLOWED_COMMANDS).join(', ')})`];
  const problems: string[] = [];
  if (args.slice(1).some((a) => /(?:^|[{,\s])['"]?shell['"]?\s*:/.test(a))) problems.push(`${launcher}('${command}') with a shell option`);
  if (command === 'powershell.exe') problems.push(...checkPowershell(text, code, spans[1]));
  return problems;
};

const checkPowershell = (text: string, code: string, span: [number, number] | undefined): string[] => {
  const notArray = ['powershell.exe with arguments that are not an array literal'];
  if (!span) return notArray;
  const argv = code.slice(...span);
  const open = span[0] + argv.indexOf('[');
  const close = closing(code, open);
  // One array literal and nothing else: not `[...].concat(more)`.
  if (!/^\s*\[[\s\S]*\]\s*$/.test(argv) || close !== span[0] + argv.lastIndexOf(']')) return notArray;
  const items = splitTopLevel(code, open + 1, close).map(([a, b]) => text.slice(a, b).trim());
  const at = items.findIndex((a) => literalValue(a) === '-Command');
  if (at < 0 || at !== items.length - 2) return ['powershell.exe without `-Command <script>` as its last two arguments'];
  const flags = items.slice(0, at).map(literalValue);
  const odd = flags.filter((f) => f === null || !POWERSHELL_FLAGS.has(f));
  if (odd.length > 0) return [`powershell.exe with arguments outside ${[...POWERSHELL_FLAGS].join(' ')}`];
  const scriptSrc = items[at + 1] as string;
  const script = literalValue(scriptSrc) ?? (new RegExp(`^${ID}$`).test(scriptSrc) ? constantString(text, code, scriptSrc) : null);
  if (script === null) return [`powershell.exe script ${scriptSrc.slice(0, 40)} is not a constant made of literals`];
  const hash = sha256(script);
  return hash in ALLOWED_POWERSHELL_SCRIPTS ? [] : [`powershell.exe script with sha256 ${hash} is not a reviewed one (ALLOWED_POWERSHELL_SCRIPTS)`];
};

/** Where an alias made at `from` is visible: a default parameter's function body, else the rest of the block. */
const aliasScope = (code: string, from: number): [number, number] => {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        if (c !== ')') return [from, i];
        const body = /^\s*(?::[^={]*)?(?:=>)?\s*\{/.exec(code.slice(i + 1));
        if (!body) return [from, code.length];
        const open = i + body[0].length;
        return [from, closing(code, open)];
      }
      depth--;
    }
  }
  return [from, code.length];
};

export const scanChildProcess = (text: string): ChildProcessFinding[] => {
  if (!new RegExp(CP).test(text)) return [];
  const code = stripComments(text, { strings: true });
  const findings: ChildProcessFinding[] = [];
  const add = (index: number, message: string) => findings.push({ index, rule: RULE, message });
  const understood: [number, number][] = [];
  const namespaces: string[] = [];
  const named = new Map<string, string>(); // local name -> launcher

  const forms: [RegExp, (m: RegExpExecArray) => void][] = [
    [new RegExp(String.raw`\bimport\s+(type\s+)?([^;'"\`]*?)\s*from\s*${CP}`, 'g'), (m) => {
      if (m[1]) return;
      const clause = m[2] ?? '';
      const ns = new RegExp(String.raw`^(?:(${ID})\s*,?\s*)?(?:\*\s*as\s+(${ID}))?`).exec(clause.replace(/\{[^}]*\}/, '').trim());
      for (const n of [ns?.[1], ns?.[2]]) if (n) namespaces.push(n);
      for (const spec of /\{([^}]*)\}/.exec(clause)?.[1]?.split(',') ?? []) {
        const s = /^\s*(?:type\s+)?(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(spec);
        if (s && LAUNCHERS.has(s[1] as string) && !/^\s*type\s/.test(spec)) named.set(s[2] ?? (s[1] as string), s[1] as string);
      }
    }],
    [new RegExp(String.raw`\b(?:const|let|var)\s+(${ID})\s*=\s*(?:__toESM\(\s*)?require\(\s*${CP}\s*\)(?:\s*,\s*\d+\s*\))?`, 'g'), (m) => namespaces.push(m[1] as string)],
    [new RegExp(String.raw`\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\(\s*${CP}\s*\)`, 'g'), (m) => {
      for (const spec of (m[1] ?? '').split(',')) {
        const s = /^\s*(\w+)(?:\s*:\s*(\w+))?\s*$/.exec(spec);
        if (s && LAUNCHERS.has(s[1] as string)) named.set(s[2] ?? (s[1] as string), s[1] as string);
      }
    }],
  ];
  for (const [re, take] of forms) {
    for (const m of text.matchAll(re)) {
      take(m as RegExpExecArray);
      understood.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
  }
  const isUnderstood = (i: number) => understood.some(([a, b]) => i >= a && i < b);
  // require('child_process').execFile(...) inline: the member is the launcher.
  for (const m of text.matchAll(new RegExp(String.raw`\brequire\s*\(\s*${CP}\s*\)\s*\.\s*(${ID})`, 'g'))) {
    understood.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    const launcher = m[2] as string;
    if (LAUNCHERS.has(launcher)) classify(m.index ?? 0, (m.index ?? 0) + m[0].length, launcher, true);
  }
  for (const m of text.matchAll(new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)${CP}`, 'g'))) {
    if (!isUnderstood(m.index ?? 0)) add(m.index ?? 0, 'loads child_process in a form this check cannot follow');
  }

  function classify(start: number, end: number, launcher: string, mayAlias: boolean): void {
    const after = code.slice(end, end + 20);
    const before = code.slice(Math.max(0, start - 200), start);
    const wrapped = /\(\s*0\s*,\s*$/.test(before) && /^\s*\)\s*\(/.test(after);
    if (wrapped || /^\s*\(/.test(after)) {
      for (const problem of checkCall(text, code, launcher, code.indexOf('(', wrapped ? code.indexOf(')', end) : end))) add(start, problem);
      return;
    }
    if (/\btypeof\s+$/.test(before)) return;
    const alias = new RegExp(String.raw`(?<![\w$.])(${ID})\s*(?::[^=;]*)?=\s*$`).exec(before);
    if (mayAlias && alias && !/^\s*[\w$]/.test(after)) {
      const name = alias[1] as string;
      const [from, to] = aliasScope(code, end);
      for (const m of code.slice(from, to).matchAll(new RegExp(String.raw`(?<![\w$.])${escape(name)}\b`, 'g'))) {
        const at = from + (m.index ?? 0);
        classify(at, at + name.length, launcher, false);
      }
      return;
    }
    add(start, `${launcher} is handed on as a value; what it runs cannot be checked`);
  }

  const inImportClause = (i: number) => understood.some(([a, b]) => i >= a && i < b);
  for (const ns of namespaces) {
    for (const m of code.matchAll(new RegExp(String.raw`(?<![\w$.])${escape(ns)}\b`, 'g'))) {
      const at = m.index ?? 0;
      if (inImportClause(at)) continue;
      const member = new RegExp(String.raw`^\s*(?:\.\s*default\s*)?\.\s*(${ID})`).exec(code.slice(at + ns.length));
      if (!member) {
        if (!/\btypeof\s+$/.test(code.slice(Math.max(0, at - 20), at))) add(at, `the child_process module (${ns}) is handed on as a value`);
        continue;
      }
      const launcher = member[1] as string;
      if (LAUNCHERS.has(launcher)) classify(at, at + ns.length + member[0].length, launcher, true);
    }
  }
  for (const [local, launcher] of named) {
    for (const m of code.matchAll(new RegExp(String.raw`(?<![\w$.])${escape(local)}\b`, 'g'))) {
      const at = m.index ?? 0;
      if (!inImportClause(at)) classify(at, at + local.length, launcher, true);
    }
  }
  return findings.sort((a, b) => a.index - b.index);
};
