import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintRequest } from '../../../../src/print/print-types';
import { useMutation } from '../../hooks/use-mutation';
import { notifySuccess } from '../../lib/notify';

/** What came out of one 打印 or 保存为 PDF, which is itself a classified carrier. */
export interface PrintOutput {
  /** Each print is its own paper and is registered on its own, even of the same request. */
  id: number;
  request: PrintRequest;
  pages: number | null;
  path: string | null;
  /** Registered as a carrier: done with, so a new request may drop it. */
  registered: boolean;
}

let lastId = 0;

/**
 * 打印 and 保存为 PDF of a register, wherever they are offered. Every output is kept so the
 * page can offer to register it; a cancelled print or save dialog leaves none. One not yet
 * registered stays until it is registered or the officer dismisses it: the paper exists
 * whatever the form shows now. `run`, `error` and `busy` are the same call's, for a page
 * that also asks for a preview.
 */
export function usePrintOutput() {
  const { t } = useTranslation();
  const mutation = useMutation();
  const { run } = mutation;
  const [outputs, setOutputs] = useState<PrintOutput[]>([]);

  const add = (o: Omit<PrintOutput, 'id' | 'registered'>) => setOutputs((xs) => [...xs, { ...o, id: ++lastId, registered: false }]);

  const print = async (request: PrintRequest) => {
    const done = await run(() => window.api.print.print(request));
    if (done?.value.printed) {
      notifySuccess(t('print.printed'));
      add({ request, pages: null, path: null });
    }
  };

  const savePdf = async (request: PrintRequest) => {
    const done = await run(() => window.api.print.savePdf(request));
    if (done?.value) add({ request, pages: done.value.pages, path: done.value.path });
  };

  const markRegistered = useCallback((id: number) => setOutputs((xs) => xs.map((x) => (x.id === id ? { ...x, registered: true } : x))), []);
  const dismiss = useCallback((id: number) => setOutputs((xs) => xs.filter((x) => x.id !== id)), []);
  /** A changed request: what is registered is done with; what is not must stay registrable. */
  const dropRegistered = useCallback(() => setOutputs((xs) => (xs.some((x) => x.registered) ? xs.filter((x) => !x.registered) : xs)), []);

  return { ...mutation, outputs, output: outputs.at(-1) ?? null, print, savePdf, markRegistered, dismiss, dropRegistered };
}
