import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { countPdfPages, createElectronPrinter, safeFileName, type PrintWindowLike } from './electron-printer';
import { PrintDocuments } from './print-documents';

const fakeWindow = (printOutcome: [boolean, string] = [true, ''], fontFaces = 204) => {
  const calls: string[] = [];
  let destroyed = false;
  const win: PrintWindowLike = {
    loadURL: vi.fn(async (url: string) => {
      calls.push(`load ${url}`);
    }),
    webContents: {
      executeJavaScript: vi.fn(async (script: string) => {
        calls.push('wait for fonts');
        // The preload script answers with the number of font faces it loaded.
        return script.includes('document.fonts') ? fontFaces : 0;
      }),
      print: vi.fn((options, callback) => {
        calls.push(`print landscape=${options.landscape}`);
        setTimeout(() => callback(...printOutcome), 0);
      }),
      printToPDF: vi.fn(async () => {
        calls.push('printToPDF');
        return new TextEncoder().encode('%PDF-1.4 << /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page >>');
      }),
    },
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
      calls.push('destroy');
    },
  };
  return { win, calls };
};

const setup = (printOutcome?: [boolean, string], savePath: string | null = '/home/o/登记簿.pdf', fontFaces?: number) => {
  const { win, calls } = fakeWindow(printOutcome, fontFaces);
  const documents = new PrintDocuments();
  const writeFile = vi.fn(async () => {});
  const chooseSavePath = vi.fn(async () => savePath);
  const printer = createElectronPrinter({ createWindow: () => win, documents, chooseSavePath, writeFile });
  return { printer, calls, documents, writeFile, chooseSavePath };
};

describe('createElectronPrinter', () => {
  it('prints from a held document after the fonts load, then cleans up', async () => {
    const { printer, calls, documents } = setup();
    await expect(printer.print('<p>收文登记簿</p>', { landscape: true })).resolves.toBe(true);
    expect(calls[0]).toMatch(/^load app:\/\/app\/_print\/.+\.html$/);
    expect(calls.slice(1)).toEqual(['wait for fonts', 'print landscape=true', 'destroy']);
    expect(documents.size).toBe(0);
  });

  it('prints nothing when the shipped font did not load (it would print blank text)', async () => {
    const { printer, calls, documents } = setup(undefined, undefined, 0);
    await expect(printer.print('<p>收文登记簿</p>', { landscape: true })).rejects.toThrow('the print font did not load');
    expect(calls).not.toContain('print landscape=true');
    expect(calls.at(-1)).toBe('destroy');
    expect(documents.size).toBe(0);
  });

  it('reports a cancelled print dialog as false, not as an error', async () => {
    const { printer, documents } = setup([false, 'Print job canceled']);
    await expect(printer.print('<p/>', { landscape: false })).resolves.toBe(false);
    expect(documents.size).toBe(0);
  });

  it('turns a failed print into an error, still cleaning up', async () => {
    const { printer, calls, documents } = setup([false, 'Print job failed']);
    await expect(printer.print('<p/>', { landscape: false })).rejects.toThrow(/Print job failed/);
    expect(calls).toContain('destroy');
    expect(documents.size).toBe(0);
  });

  it('writes the PDF where the officer chose and counts its pages', async () => {
    const { printer, writeFile, chooseSavePath } = setup();
    await expect(
      printer.savePdf('<p/>', { landscape: false, suggestedName: '收文登记簿-2026-11-01.pdf' }),
    ).resolves.toEqual({ path: '/home/o/登记簿.pdf', pages: 2 });
    expect(chooseSavePath).toHaveBeenCalledWith('收文登记簿-2026-11-01.pdf');
    expect(writeFile).toHaveBeenCalledWith('/home/o/登记簿.pdf', expect.any(Uint8Array));
  });

  it('renders nothing when the save dialog is cancelled', async () => {
    const { printer, calls, writeFile } = setup(undefined, null);
    await expect(printer.savePdf('<p/>', { landscape: false, suggestedName: 'a.pdf' })).resolves.toBeNull();
    expect(calls).toEqual([]);
    expect(writeFile).not.toHaveBeenCalled();
  });
});

describe('countPdfPages', () => {
  it('counts the pages of a PDF written by Chromium', () => {
    // Made by Chromium's printToPDF (via Playwright) from three page-broken divs.
    const pdf = readFileSync(path.join(import.meta.dirname, 'fixtures', 'chromium-three-pages.pdf'));
    expect(countPdfPages(pdf)).toBe(3);
  });

  it('does not count the /Pages tree node', () => {
    expect(countPdfPages(new TextEncoder().encode('<< /Type /Pages >> << /Type/Page >>'))).toBe(1);
  });
});

describe('safeFileName', () => {
  it('keeps Chinese and replaces characters file systems reject', () => {
    expect(safeFileName('收文登记簿-2026-11-01.pdf')).toBe('收文登记簿-2026-11-01.pdf');
    expect(safeFileName('a/b\\c:d*e?.pdf')).toBe('a_b_c_d_e_.pdf');
    expect(safeFileName('  ')).toBe('台账.pdf');
  });
});
