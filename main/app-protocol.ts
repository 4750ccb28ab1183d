/**
 * The app:// request handler, kept free of Electron so it can be tested with plain
 * Request objects. Files are read with fs: fetching file:// URLs through Electron's
 * `net` would put a network module into the product for no gain.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { PRINT_PATH } from './print-documents';
import { resolveInside } from './resolve-inside';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security-policy';

export type ReadFile = (file: string) => Promise<Uint8Array>;

/** URL path of the shipped print font files (the core's fontBaseUrl). */
export const FONTS_PATH = '/_fonts/';

export interface AppProtocolSources {
  /** The built renderer (dist/renderer). */
  rendererRoot: string;
  /** The woff2 files of the print font; absent, /_fonts/ answers 404. */
  fontsRoot?: string | null;
  /** Print documents held in memory; absent, /_print/ answers 404. */
  documents?: { get(name: string): string | undefined } | null;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const mimeTypeFor = (file: string): string =>
  MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Every response, errors included, carries the policy: a 404 page is a page too. */
export const securityHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
});

const plain = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });

const isMissing = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};

const ok = (body: Uint8Array | null, contentType: string): Response =>
  new Response(body === null ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': contentType },
  });

export const createAppProtocolHandler = (
  sources: AppProtocolSources,
  readFile: ReadFile = fsReadFile,
) => {
  const serveFile = async (root: string, urlPath: string, head: boolean): Promise<Response> => {
    const file = resolveInside(root, urlPath);
    if (file === null) return plain(404, 'Not Found');
    try {
      const body = await readFile(file);
      return ok(head ? null : body, mimeTypeFor(file));
    } catch (e) {
      return isMissing(e) ? plain(404, 'Not Found') : plain(500, 'Internal Error');
    }
  };

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method Not Allowed');
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
      return plain(404, 'Not Found');
    }
    const head = request.method === 'HEAD';
    const pathname = url.pathname;

    if (pathname.startsWith(PRINT_PATH)) {
      const html = sources.documents?.get(pathname.slice(PRINT_PATH.length));
      return html === undefined
        ? plain(404, 'Not Found')
        : ok(head ? null : new TextEncoder().encode(html), 'text/html; charset=utf-8');
    }
    if (pathname.startsWith(FONTS_PATH)) {
      const name = pathname.slice(FONTS_PATH.length);
      // Only flat woff2 file names: the font folder holds nothing else worth serving.
      if (!sources.fontsRoot || !/^[\w.-]+\.woff2$/.test(name)) return plain(404, 'Not Found');
      return serveFile(sources.fontsRoot, name, head);
    }
    return serveFile(sources.rendererRoot, pathname === '/' ? '/index.html' : pathname, head);
  };
};
