import path from 'node:path';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor } from './app-protocol';
import { PrintDocuments } from './print-documents';
import { CONTENT_SECURITY_POLICY } from './security-policy';

let root: string;
let fonts: string;
let outside: string;
let handle: (r: Request) => Promise<Response>;
const documents = new PrintDocuments();

beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'baomi-protocol-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>保密台账</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(outside, 'top secret');
  fonts = path.join(path.dirname(root), 'fonts');
  await mkdir(fonts);
  await writeFile(path.join(fonts, 'noto-sans-sc-4-400-normal.woff2'), 'wOF2');
  await writeFile(path.join(fonts, 'notes.txt'), 'not a font');
  handle = createAppProtocolHandler({ rendererRoot: root, fontsRoot: fonts, documents });
});

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html for the entry URL and for the bare origin', async () => {
    for (const url of ['app://app/index.html', 'app://app/']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('保密台账');
    }
  });

  it('serves scripts with a JavaScript MIME type (module scripts need it)', async () => {
    const res = await get('app://app/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('sends the CSP and nosniff on every response, errors included', async () => {
    for (const url of ['app://app/index.html', 'app://app/missing.js', 'app://app/%2e%2e/secret.txt']) {
      const res = await get(url);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('never serves a file outside the renderer directory', async () => {
    for (const url of [
      'app://app/../secret.txt',
      'app://app/%2e%2e/secret.txt',
      'app://app/assets/..%2f..%2fsecret.txt',
      'app://app/..%5csecret.txt',
      `app://app/${encodeURIComponent(outside)}`,
    ]) {
      const res = await get(url);
      expect(await res.text()).not.toContain('top secret');
    }
  });

  it('answers 404 for missing files and for directories', async () => {
    expect((await get('app://app/nope.js')).status).toBe(404);
    expect((await get('app://app/assets')).status).toBe(404);
  });

  it('refuses other hosts and write methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://app/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://app/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('hides unexpected read errors behind a 500', async () => {
    const failing = createAppProtocolHandler({ rendererRoot: root }, async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    });
    const res = await failing(new Request('app://app/index.html'));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('EACCES');
  });

  it('serves the print font files, and nothing else from the font folder', async () => {
    const font = await get('app://app/_fonts/noto-sans-sc-4-400-normal.woff2');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect((await get('app://app/_fonts/notes.txt')).status).toBe(404);
    expect((await get('app://app/_fonts/%2e%2e%2fsecret.txt')).status).toBe(404);
    expect((await get('app://app/_fonts/sub/x.woff2')).status).toBe(404);
  });

  it('serves a print document only while it is held', async () => {
    const { url, release } = documents.put('<p>登记簿</p>');
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('<p>登记簿</p>');
    release();
    expect((await get(url)).status).toBe(404);
  });

  it('answers 404 for fonts and print documents when none are configured', async () => {
    const bare = createAppProtocolHandler({ rendererRoot: root });
    expect((await bare(new Request('app://app/_fonts/noto-sans-sc-4-400-normal.woff2'))).status).toBe(404);
    expect((await bare(new Request(documents.put('x').url))).status).toBe(404);
  });

  it('falls back to a neutral MIME type for unknown extensions', () => {
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
