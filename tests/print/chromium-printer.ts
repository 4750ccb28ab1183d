import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PRELOAD_FONTS_SCRIPT } from '../../src/print/print-document';
import type { Printer } from '../../src/print/print-types';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-options';

/**
 * The tests' stand-in for Electron's printToPDF: the same HTML rendered by Debian's
 * Chromium with page.pdf(), honouring the document's @page size and margin boxes.
 */
export async function renderPdf(browser: Browser, html: string, outFile: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-print-'));
  const htmlFile = join(dir, 'register.html');
  writeFileSync(htmlFile, html);
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(htmlFile).href);
    const loaded = (await page.evaluate(PRELOAD_FONTS_SCRIPT)) as number;
    if (loaded === 0) throw new Error('the shipped font did not load');
    const pdf = await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  } finally {
    await page.close();
  }
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });

/** A Printer for tests: "printing" and saving both write a PDF into `outDir`. */
export function chromiumPrinter(browser: Browser, outDir: string): Printer & { files: string[] } {
  const files: string[] = [];
  const save = async (html: string, name: string) => {
    const path = join(outDir, name);
    const pages = await renderPdf(browser, html, path);
    files.push(path);
    return { path, pages };
  };
  return {
    files,
    print: async (html) => (await save(html, `printed-${files.length + 1}.pdf`), true),
    savePdf: async (html, opts) => save(html, opts.suggestedName),
  };
}
