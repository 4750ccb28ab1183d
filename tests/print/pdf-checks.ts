import { expect } from 'vitest';
import { pdfFonts, pdfPages, pdfRawText, pdfText, SHIPPED_FONT } from './poppler';

/**
 * What an inspector checks on a printed register, read back with poppler: the shipped font
 * is embedded, and every page carries the unit, the column headers, the marking (top and
 * bottom) and `第 x 页 共 y 页`.
 */
export function expectRegisterPdf(pdf: string, expected: { pages?: number; marking: string; headers: readonly string[]; unit: string }): string[] {
  expect(pdfFonts(pdf)).toMatch(SHIPPED_FONT);
  const pages = pdfPages(pdf);
  if (expected.pages !== undefined) expect(pages).toBe(expected.pages);
  const text = pdfText(pdf).split('\f').filter((t) => t.trim());
  // Raw order keeps a header that wrapped onto two lines of its cell together.
  const raw = pdfRawText(pdf).split('\f').filter((t) => t.trim()).map((t) => t.replace(/\s/g, ''));
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
