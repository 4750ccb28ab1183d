/**
 * The rules of `npm run check:no-network`, as a pure function over (path, text) so the
 * tests can run it on planted code. A rule is a regular expression over the whole
 * text (imports may span lines); each hit is reported with its line and column.
 */
import { NETWORK_MODULES } from './network-modules';
import { stripComments, stripCssComments, stripHtmlComments } from './strip-comments';

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  excerpt: string;
}

interface Rule {
  id: string;
  pattern: RegExp;
}

const mods = NETWORK_MODULES.join('|');
// npm packages whose only purpose is talking to a network.
const NETWORK_PACKAGES = 'undici|node-fetch|axios|got|ws|socket\\.io-client|electron-fetch|electron-updater|update-electron-app';
const MODULE_REF = String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)`;
const REMOTE = String.raw`(?:(?:https?|wss?|ftp):)?\/\/`;

export const NETWORK_RULES: readonly Rule[] = [
  { id: 'node network module', pattern: new RegExp(String.raw`${MODULE_REF}(['"\`])(?:node:)?(?:${mods})(?:\/[\w/]*)?\1`, 'g') },
  { id: 'network package', pattern: new RegExp(String.raw`${MODULE_REF}(['"\`])(?:${NETWORK_PACKAGES})(?:\/[^'"\`]*)?\1`, 'g') },
  // A call of the global, bare or through a global object. `x.fetch(` on our own
  // objects and words such as prefetch/fetched are not the network API.
  { id: 'fetch(', pattern: /(?<![\w$.])fetch\s*\(/g },
  { id: 'global fetch', pattern: /\b(?:window|globalThis|self|global)\s*(?:\?\.|\.)\s*fetch\b|\[\s*['"`]fetch['"`]\s*\]/g },
  { id: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { id: 'WebSocket', pattern: /\bWebSocket\b/g },
  { id: 'EventSource', pattern: /\bEventSource\b/g },
  { id: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { id: 'WebRTC', pattern: /\bRTCPeerConnection\b/g },
  { id: 'WebTransport', pattern: /\bWebTransport\b/g },
  { id: 'importScripts', pattern: /\bimportScripts\b/g },
  { id: 'autoUpdater', pattern: /\bautoUpdater\b/g },
  { id: 'electron-updater', pattern: /electron-updater/g },
  { id: 'electron net', pattern: /\bnet\s*\.\s*(?:request|fetch)\b/g },
  {
    id: 'electron net import',
    pattern: /\bimport\s*\{[^}]*\bnet\b[^}]*\}\s*from\s*['"]electron['"]|\{[^}]*\bnet\b[^}]*\}\s*=\s*require\s*\(\s*['"]electron['"]\s*\)|require\s*\(\s*['"]electron['"]\s*\)\s*\.\s*net\b/g,
  },
  // Resources a page would load at run time from elsewhere (HTML, JSX, DOM assignments).
  { id: 'remote src/href', pattern: new RegExp(String.raw`\b(?:src|href|srcset|poster)\s*=\s*\{?\s*["'\`]\s*${REMOTE}`, 'gi') },
  { id: 'remote url()', pattern: new RegExp(String.raw`\burl\(\s*["']?\s*${REMOTE}`, 'gi') },
  { id: 'remote @import', pattern: new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?\s*${REMOTE}`, 'gi') },
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
  const starts = lineStarts(prepared);
  const findings: Finding[] = [];
  for (const rule of NETWORK_RULES) {
    for (const m of prepared.matchAll(rule.pattern)) {
      const index = m.index ?? 0;
      findings.push({
        file,
        ...locate(starts, index),
        rule: rule.id,
        excerpt: excerptAt(prepared, index, m[0].length),
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
};
