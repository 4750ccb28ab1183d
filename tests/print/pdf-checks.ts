import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/**
 * What an inspector checks on a printed register, read back with poppler: the shipped font
 * is embedded, and every page carries the unit, the column headers, the marking (top and
 * bottom) and `第 x 页 共 y 页`.
 */
export function expectRegisterPdf(pdf: string, expected: { pages?: number; marking: string; headers: readonly string[]; unit: string }): string[] {
  expect(sh('pdffonts', [pdf])).toMatch(/NotoSansSC\S*\s.*\syes\s+yes\s+yes/);
  const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))?.[1]);
  if (expected.pages !== undefined) expect(pages).toBe(expected.pages);
  const text = sh('pdftotext', ['-layout', pdf, '-']).split('\f').filter((t) => t.trim());
  // Raw order keeps a header that wrapped onto two lines of its cell together.
  const raw = sh('pdftotext', ['-raw', pdf, '-']).split('\f').filter((t) => t.trim()).map((t) => t.replace(/\s/g, ''));
  expect(text).toHaveLength(pages);
  expect(raw).toHaveLength(pages);
  text.forEach((pageText, i) => {
    expect(pageText.split(expected.marking).length - 1, `marking twice on page ${i + 1}`).toBeGreaterThanOrEqual(2);
    expect(pageText.replace(/\s/g, '')).toContain(`第${i + 1}页共${pages}页`);
    for (const h of expected.headers) expect(raw[i], `header ${h} on page ${i + 1}`).toContain(h);
    expect(pageText).toContain(expected.unit);
  });
  return text;
}

export const pdfToPng = (pdf: string, prefix: string): void => {
  sh('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
};

export const pdfText = (pdf: string): string => sh('pdftotext', ['-layout', pdf, '-']);

/** Text in content order: a cell that wrapped stays together (layout mode interleaves columns). */
export const pdfRawText = (pdf: string): string => sh('pdftotext', ['-raw', pdf, '-']);
