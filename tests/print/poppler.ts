import { execFileSync } from 'node:child_process';

/**
 * A PDF read back with poppler, as an inspector's tools would: no test runner here, so
 * vitest tests and Playwright specs both use it.
 */
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** pdffonts' line for the shipped font: embedded, subset, with a Unicode map. */
export const SHIPPED_FONT = /NotoSansSC\S*\s.*\syes\s+yes\s+yes/;

export const pdfFonts = (pdf: string): string => sh('pdffonts', [pdf]);

export const pdfPages = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))?.[1]);

/** Text laid out as on the page, pages split by form feeds; `pages` limits it to a range. */
export const pdfText = (pdf: string, pages?: { first: number; last: number }): string =>
  sh('pdftotext', ['-layout', ...(pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []), pdf, '-']);

/** Text in content order: a cell that wrapped stays together (layout mode interleaves columns). */
export const pdfRawText = (pdf: string): string => sh('pdftotext', ['-raw', pdf, '-']);

/** Content-order text without any white space, for finding a phrase that wrapped in its cell. */
export const pdfCompactText = (pdf: string): string => pdfRawText(pdf).replace(/\s/g, '');

/** The first page as a PNG beside `prefix`, to look at after a run. */
export const pdfToPng = (pdf: string, prefix: string, dpi = 60): void => {
  sh('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', pdf, prefix]);
};
