/**
 * The core's Printer, done with Electron: each job renders the finished register
 * document in its own hidden, sandboxed window (no preload, so no window.api), from
 * memory through app://app/_print/, then prints it or writes it as PDF. Electron
 * objects come in through `deps`, so tests drive it with fakes.
 */
import type { Printer } from '../src/print/print-types';
import { PRELOAD_FONTS_SCRIPT } from '../src/print/print-document';

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    print(
      options: { silent: boolean; printBackground: boolean; landscape: boolean; pageSize: 'A4' },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
    printToPDF(options: {
      landscape: boolean;
      printBackground: boolean;
      preferCSSPageSize: boolean;
      pageSize: 'A4';
    }): Promise<Uint8Array>;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

export interface ElectronPrinterDeps {
  createWindow(): PrintWindowLike;
  documents: { put(html: string): { url: string; release: () => void } };
  /** Asks where to save; null when the officer cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}

// The same font preload as the Chromium tests use (src/print/print-document.ts): waiting
// for document.fonts.ready alone printed blank text in margin boxes and body (seen in tests).
const WAIT_FOR_FONTS = PRELOAD_FONTS_SCRIPT;

/** Page objects in a PDF as Chromium writes it (no object streams). */
export const countPdfPages = (pdf: Uint8Array): number => {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
};

/** A file name Windows and Linux both accept; Chinese titles are fine as they are. */
export const safeFileName = (name: string): string => {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned === '' || cleaned === '.pdf' ? '台账.pdf' : cleaned;
};

/** Electron reports a closed print dialog as a failure; that is not an error. */
const isCancel = (reason: string): boolean => /cancel/i.test(reason);

export const createElectronPrinter = (deps: ElectronPrinterDeps): Printer => {
  const withDocument = async <T>(html: string, job: (win: PrintWindowLike) => Promise<T>): Promise<T> => {
    const doc = deps.documents.put(html);
    const win = deps.createWindow();
    try {
      await win.loadURL(doc.url);
      const loaded = (await win.webContents.executeJavaScript(WAIT_FOR_FONTS)) as number;
      if (!loaded) throw new Error('the print font did not load');
      return await job(win);
    } finally {
      doc.release();
      if (!win.isDestroyed()) win.destroy();
    }
  };

  return {
    print: (html, { landscape }) =>
      withDocument(
        html,
        (win) =>
          new Promise<boolean>((resolve, reject) => {
            win.webContents.print(
              { silent: false, printBackground: true, landscape, pageSize: 'A4' },
              (success, reason) => {
                if (success) resolve(true);
                else if (isCancel(reason)) resolve(false);
                else reject(new Error(`打印失败：${reason}`));
              },
            );
          }),
      ),

    savePdf: async (html, { landscape, suggestedName }) => {
      const target = await deps.chooseSavePath(safeFileName(suggestedName));
      if (target === null) return null;
      const pdf = await withDocument(html, (win) =>
        win.webContents.printToPDF({ landscape, printBackground: true, preferCSSPageSize: true, pageSize: 'A4' }),
      );
      await deps.writeFile(target, pdf);
      return { path: target, pages: countPdfPages(pdf) };
    },
  };
};
