import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from './resolve-inside';

const root = path.resolve('/srv/app/dist/renderer');

describe('resolveInside', () => {
  it('maps ordinary asset paths to files under the root', () => {
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc123.js')).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
    expect(resolveInside(root, 'assets/a.css')).toBe(path.join(root, 'assets', 'a.css'));
  });

  it('decodes percent-encoded names, including Chinese ones', () => {
    expect(resolveInside(root, '/fonts/%E5%AE%8B%E4%BD%93.woff2')).toBe(
      path.join(root, 'fonts', '宋体.woff2'),
    );
    expect(resolveInside(root, '/a%20b.png')).toBe(path.join(root, 'a b.png'));
  });

  it.each([
    ['parent segment', '/../secret.txt'],
    ['nested parent segment', '/assets/../../secret.txt'],
    ['trailing parent segment', '/assets/..'],
    ['encoded parent segment', '/%2e%2e/secret.txt'],
    ['upper-case encoded parent', '/%2E%2E/secret.txt'],
    ['mixed encoded parent', '/.%2e/secret.txt'],
    ['encoded slash around parent', '/assets%2f..%2f..%2fsecret.txt'],
    ['dot segment', '/./index.html'],
    ['absolute path after the URL slash', '//etc/passwd'],
    ['encoded absolute path', '/%2fetc/passwd'],
    ['backslash', '/assets\\..\\secret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['NUL', '/index.html\0.js'],
    ['encoded NUL', '/index.html%00.js'],
    ['encoded newline', '/index%0a.html'],
    ['Windows drive letter', '/C:/Windows/win.ini'],
    ['encoded drive letter', '/C%3a/Windows/win.ini'],
    ['alternate data stream', '/index.html:stream'],
    ['empty segment', '/assets//a.js'],
    ['malformed escape', '/%E5%AE.js'],
    ['bare percent', '/100%.js'],
    ['empty path', ''],
    ['root only', '/'],
  ])('refuses %s', (_name, urlPath) => {
    expect(resolveInside(root, urlPath)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    const samples = ['/a', '/a/b', '/..', '/a/%2e%2e/%2e%2e/b', '/a/.../b', '/...'];
    for (const s of samples) {
      const r = resolveInside(root, s);
      if (r !== null) expect(r.startsWith(root + path.sep)).toBe(true);
    }
  });
});
