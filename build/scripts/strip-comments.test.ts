import { describe, expect, it } from 'vitest';
import { stripComments, stripCssComments, stripHtmlComments } from './strip-comments';

describe('stripComments', () => {
  it('blanks line and block comments, keeping length and newlines', () => {
    const src = 'a(); // call fetch(x)\n/* window.\n document. */ b();';
    const out = stripComments(src);
    expect(out).toHaveLength(src.length);
    expect(out.split('\n')).toHaveLength(3);
    expect(out).not.toMatch(/fetch|window|document/);
    expect(out).toContain('a();');
    expect(out).toContain('b();');
  });

  it('leaves // inside strings, templates and regexes alone', () => {
    const src = [
      `const u = "https://example.com"; fetch(u);`,
      `const t = \`//\${"x"}// \${ { a: 1 }.a } still\`; fetch(t);`,
      `const r = /\\/\\/[/]/g; fetch(r);`,
      `const s = 'it\\'s // not a comment'; fetch(s);`,
    ].join('\n');
    const out = stripComments(src);
    expect(out).toBe(src);
  });

  it('tells division from regex', () => {
    const src = 'const x = a / b; // fetch(\nconst y = (c) / 2 / 3; /* z */ fetch(y);';
    const out = stripComments(src);
    expect(out).toContain('const x = a / b;');
    expect(out).not.toContain('fetch(\n');
    expect(out).toContain('fetch(y)');
    expect(out).not.toContain('z');
  });

  it('treats a regex after return as a regex', () => {
    const src = 'function f(s) { return /\\/\\//.test(s); } fetch(1);';
    expect(stripComments(src)).toBe(src);
  });

  it('handles nested template expressions', () => {
    const src = 'const a = `${`${b}`}`; // gone\nfetch(a);';
    const out = stripComments(src);
    expect(out).not.toContain('gone');
    expect(out).toContain('fetch(a);');
  });
});

describe('CSS and HTML comments', () => {
  it('strips only block comments in CSS, never url(//...)', () => {
    const css = '/* @import "http://x"; */ a { background: url(//cdn.example/x.png) }';
    const out = stripCssComments(css);
    expect(out).not.toContain('@import');
    expect(out).toContain('url(//cdn.example/x.png)');
  });

  it('strips HTML comments', () => {
    expect(stripHtmlComments('<!-- <script src="http://x"></script> --><p>')).not.toContain('script');
  });
});

describe('stripComments with strings', () => {
  it('also blanks string and template text, keeping quotes and ${} code', () => {
    const src = "const a = 'window.x'; const b = `document.${window.name}.t`; // c";
    const out = stripComments(src, { strings: true });
    expect(out).toHaveLength(src.length);
    expect(out).not.toContain('document.');
    expect(out).toContain('${window.name}');
    expect(out).not.toContain("'window.x'");
    expect(out).not.toContain('// c');
  });
});
