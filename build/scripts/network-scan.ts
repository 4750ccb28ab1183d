/**
 * The rules of `npm run check:no-network`, as a pure function over (path, text) so the
 * tests can run it on planted code. A rule is a regular expression over the whole
 * text (imports may span lines); each hit is reported with its line and column.
 * Where code could hide what it loads or calls (a computed require, a global read by a
 * computed name, fetch passed as a value), the rule flags the hiding itself: the check
 * fails closed, since a regular expression cannot follow values.
 */
import { scanChildProcess } from './child-process-scan';
import { NETWORK_MODULES } from './network-modules';
import { stripComments, stripCssComments, stripHtmlComments } from './strip-comments';

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  /** What is wrong, in a sentence, for the person who has to fix it. */
  message: string;
  excerpt: string;
}

interface Rule {
  id: string;
  message: string;
  pattern: RegExp;
  /**
   * About the shape of code, not a name: in our sources it is matched with string
   * contents blanked, so that text such as '(require a second approver)' is not code.
   * Bundles are matched raw (a wrong guess of the lexer could hide minified code).
   */
  codeOnly?: true;
}

const mods = NETWORK_MODULES.join('|');
// npm packages whose only purpose is talking to a network.
const NETWORK_PACKAGES = [
  'undici', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'whatwg-fetch', 'axios', 'got', 'ky', 'superagent', 'needle',
  'request', 'ws', 'socket\\.io-client', 'electron-fetch', 'electron-dl', 'electron-updater', 'update-electron-app',
  'http-proxy-agent', 'https-proxy-agent', 'global-agent',
].join('|');
const MODULE_REF = String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)`;
const REMOTE = String.raw`(?:(?:https?|wss?|ftp):)?\/\/`;
// A string literal, whole: what a loader must be given for this check to see the module.
const LITERAL = String.raw`(?:'[^'\\\n]*'|"[^"\\\n]*"|\`[^\`\\$]*\`)`;
const GLOBAL_OBJECT = String.raw`(?:globalThis|global|window|self|process)`;

export const NETWORK_RULES: readonly Rule[] = [
  {
    id: 'node network module',
    message: 'loads a Node module that opens sockets',
    pattern: new RegExp(String.raw`${MODULE_REF}(['"\`])(?:node:)?(?:${mods})(?:\/[\w/]*)?\1`, 'g'),
  },
  {
    id: 'network package',
    message: 'loads an npm package made for talking to a network',
    pattern: new RegExp(String.raw`${MODULE_REF}(['"\`])(?:${NETWORK_PACKAGES})(?:\/[^'"\`]*)?\1`, 'g'),
  },
  // Any mention, not only a call: `const get = fetch`, Reflect.apply(fetch, …), and
  // Electron's session.fetch/net.fetch (x.fetch(…) cannot be told from a harmless
  // method, so the app has no method of that name). prefetch/fetched are other words.
  {
    id: 'fetch',
    message: 'names fetch: the global, an alias of it, or an Electron session/net fetch',
    pattern: /(?<![\w$])fetch(?![\w$])/g,
  },
  { id: 'XMLHttpRequest', message: 'XMLHttpRequest reaches the network', pattern: /\bXMLHttpRequest\b/g },
  { id: 'WebSocket', message: 'WebSocket reaches the network', pattern: /\bWebSocket(?:Stream)?\b/g },
  { id: 'EventSource', message: 'EventSource reaches the network', pattern: /\bEventSource\b/g },
  { id: 'sendBeacon', message: 'navigator.sendBeacon posts to the network', pattern: /\bsendBeacon\b/g },
  {
    id: 'WebRTC',
    message: 'WebRTC opens UDP/TCP connections that no request filter sees',
    pattern: /RTC(?:PeerConnection|DataChannel|IceTransport|SctpTransport|DtlsTransport)\b/g,
  },
  { id: 'WebTransport', message: 'WebTransport reaches the network', pattern: /\bWebTransport\b/g },
  { id: 'importScripts', message: 'importScripts loads code by URL', pattern: /\bimportScripts\b/g },
  { id: 'autoUpdater', message: 'an auto-updater downloads from a server', pattern: /\bautoUpdater\b/g },
  { id: 'electron-updater', message: 'electron-updater downloads from a server', pattern: /electron-updater/g },
  {
    id: 'electron net',
    message: "Electron's net module makes HTTP requests and DNS lookups from the main process",
    pattern: /\bnet\s*(?:\?\.|\.)\s*(?:request|fetch|resolveHost)\b|\b[\w$]*electron[\w$]*\s*(?:\?\.|\.)\s*net\b/gi,
  },
  {
    id: 'electron net import',
    message: "imports Electron's net module",
    pattern: /\bimport\s*\{[^}]*\bnet\b[^}]*\}\s*from\s*['"]electron(?:\/main)?['"]|\{[^}]*\bnet\b[^}]*\}\s*=\s*require\s*\(\s*['"]electron(?:\/main)?['"]\s*\)|require\s*\(\s*['"]electron(?:\/main)?['"]\s*\)\s*\.\s*net\b/g,
  },
  {
    id: 'electron session network',
    message: 'asks an Electron session to resolve, download or preconnect',
    pattern: /\bresolveHost\b|\bdownloadURL\b|\.\s*preconnect\s*\(\s*\{/g,
  },
  { id: 'openExternal', message: "hands a URL to the system's browser or mail program", pattern: /\bopenExternal\b/g },
  { id: 'utilityProcess', message: 'starts a Node process this check does not follow', pattern: /\butilityProcess\b/g },
  // Ways to load a module without naming it where this check can read it.
  {
    id: 'dynamic require',
    message: 'require() of a computed name: this check cannot see which module it loads',
    pattern: new RegExp(String.raw`(?<![\w$])require\s*\(\s*(?!${LITERAL}\s*\)|\))`, 'g'),
    codeOnly: true,
  },
  {
    id: 'dynamic import',
    message: 'import() of a computed name: this check cannot see which module it loads',
    pattern: new RegExp(String.raw`(?<![\w$.])import\s*\(\s*(?!${LITERAL}\s*[,)]|\))`, 'g'),
    codeOnly: true,
  },
  {
    id: 'require as a value',
    message: 'require is handed on as a value: its calls cannot be checked',
    pattern: /(?:[=(,?:[]|&&|\|\||\breturn)\s*require(?=\s*(?:[;,)}\]:?]|&&|\|\||$))|\brequire\s*\.\s*(?:call|apply|bind)\b/g,
    codeOnly: true,
  },
  {
    id: 'getBuiltinModule',
    message: 'process.getBuiltinModule loads any built-in by a name this check may not see',
    pattern: /\bgetBuiltinModule\b/g,
  },
  {
    id: 'createRequire',
    message: 'createRequire makes a require this check cannot follow; only createRequire(url).resolve(…) is allowed',
    pattern: /\bcreateRequire\b(?!\s*\)?\s*\(\s*[\w$.]+\s*\)\s*\.\s*resolve\s*\()(?![^{};]*\}\s*(?:from\s*|=\s*require\s*\(\s*)['"](?:node:)?module['"])/g,
  },
  {
    id: 'process.binding',
    message: "reaches Node's internal bindings (tcp_wrap, udp_wrap, cares_wrap), which open sockets without net",
    pattern: /\b(?:_linkedBinding|internalBinding)\b|\.\s*binding\s*\(|\[\s*['"`]binding['"`]\s*\]/g,
  },
  {
    id: 'computed global',
    message: 'reads a property of a global object by a computed name or by reflection: this check cannot see which',
    pattern: new RegExp(
      String.raw`\b${GLOBAL_OBJECT}\s*(?:\?\.)?\s*\[\s*(?!${LITERAL}\s*\])|\b(?:Reflect\s*\.\s*\w+|Object\s*\.\s*getOwnPropertyDescriptors?)\s*\(\s*${GLOBAL_OBJECT}\s*[,)]`,
      'g',
    ),
    codeOnly: true,
  },
  {
    id: 'eval',
    message: "builds code from a string at run time, out of this check's sight",
    pattern: new RegExp(String.raw`\beval\s*\(|\bnew\s+Function\s*\(|${MODULE_REF}(['"\`])(?:node:)?vm\1`, 'g'),
  },
  // Resources a page would load at run time from elsewhere (HTML, JSX, DOM assignments).
  {
    id: 'remote src/href',
    message: 'points a page at a resource on another machine',
    pattern: new RegExp(String.raw`\b(?:src|href|srcset|poster)\s*=\s*\{?\s*["'\`]\s*${REMOTE}|\bloadURL\s*\(\s*["'\`]\s*${REMOTE}`, 'gi'),
  },
  { id: 'remote url()', message: 'loads a style resource from another machine', pattern: new RegExp(String.raw`\burl\(\s*["']?\s*${REMOTE}`, 'gi') },
  { id: 'remote @import', message: 'imports a style sheet from another machine', pattern: new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?\s*${REMOTE}`, 'gi') },
];

const CODE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;

/** Comments are blanked in our own sources; bundles (`raw`) are scanned as they are. */
const prepare = (file: string, text: string, raw: boolean): string => {
  if (raw) return text;
  if (CODE_EXTENSIONS.test(file)) return stripComments(text);
  if (file.endsWith('.css')) return stripCssComments(text);
  if (file.endsWith('.html')) return stripHtmlComments(text);
  return text;
};

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
};

const locate = (starts: number[], index: number): { line: number; column: number } => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - (starts[lo] as number) + 1 };
};

const excerptAt = (text: string, index: number, length: number): string =>
  text
    .slice(Math.max(0, index - 40), index + length + 40)
    .replace(/\s+/g, ' ')
    .trim();

export const scanForNetwork = (
  file: string,
  text: string,
  options: { raw?: boolean } = {},
): Finding[] => {
  const prepared = prepare(file, text, options.raw ?? false);
  const isCode = CODE_EXTENSIONS.test(file);
  const codeText = isCode && !options.raw ? stripComments(prepared, { strings: true }) : prepared;
  const starts = lineStarts(prepared);
  const findings: Finding[] = [];
  for (const rule of NETWORK_RULES) {
    if (rule.codeOnly && !isCode) continue;
    for (const m of (rule.codeOnly ? codeText : prepared).matchAll(rule.pattern)) {
      const index = m.index ?? 0;
      findings.push({
        file,
        ...locate(starts, index),
        rule: rule.id,
        message: rule.message,
        excerpt: excerptAt(prepared, index, m[0].length),
      });
    }
  }
  if (isCode) {
    for (const f of scanChildProcess(prepared)) {
      findings.push({ file, ...locate(starts, f.index), rule: f.rule, message: f.message, excerpt: excerptAt(prepared, f.index, 30) });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
};
