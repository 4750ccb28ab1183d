import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintRequest } from '../../../../src/print/print-types';
import { useMutation } from '../../hooks/use-mutation';
import { notifySuccess } from '../../lib/notify';

/** What came out of the last 打印 or 保存为 PDF, which is itself a classified carrier. */
export interface PrintOutput {
  request: PrintRequest;
  pages: number | null;
  path: string | null;
}

/**
 * 打印 and 保存为 PDF of a register, wherever they are offered. The output is kept so the
 * page can offer to register it; a cancelled print or save dialog leaves none. `run`,
 * `error` and `busy` are the same call's, for a page that also asks for a preview.
 */
export function usePrintOutput() {
  const { t } = useTranslation();
  const mutation = useMutation();
  const { run } = mutation;
  const [output, setOutput] = useState<PrintOutput | null>(null);

  const print = async (request: PrintRequest) => {
    const done = await run(() => window.api.print.print(request));
    if (done?.value.printed) {
      notifySuccess(t('print.printed'));
      setOutput({ request, pages: null, path: null });
    }
  };

  const savePdf = async (request: PrintRequest) => {
    const done = await run(() => window.api.print.savePdf(request));
    if (done?.value) setOutput({ request, pages: done.value.pages, path: done.value.path });
  };

  return { ...mutation, output, setOutput, print, savePdf };
}
