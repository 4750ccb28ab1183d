import { Modal, type ModalProps } from '@mantine/core';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PendingScope {
  /** Some job inside the dialog is waiting for main. */
  pending: boolean;
  report: (job: symbol, busy: boolean) => void;
}

const PendingContext = createContext<PendingScope | null>(null);

/**
 * The jobs of one dialog that are waiting for main. While any is, the dialog must stay open:
 * closed, the form that would show main's refusal is gone and the refusal with it.
 */
export function usePendingScope(): PendingScope {
  const [jobs, setJobs] = useState<ReadonlySet<symbol>>(() => new Set());
  const report = useCallback((job: symbol, busy: boolean) => {
    setJobs((prev) => {
      if (prev.has(job) === busy) return prev;
      const next = new Set(prev);
      if (busy) next.add(job);
      else next.delete(job);
      return next;
    });
  }, []);
  const pending = jobs.size > 0;
  return useMemo(() => ({ pending, report }), [pending, report]);
}

/** Gives the jobs inside a dialog the scope they report to. */
export function PendingProvider({ scope, children }: { scope: PendingScope; children: ReactNode }) {
  return <PendingContext.Provider value={scope}>{children}</PendingContext.Provider>;
}

/** A job inside a dialog says whether it is waiting for main; outside any dialog, nothing happens. */
export function useReportPending(busy: boolean): void {
  const scope = useContext(PendingContext);
  const report = scope?.report;
  const job = useRef<symbol>(Symbol('job'));
  // A layout effect, so the dialog is locked before the next key press can reach it.
  useLayoutEffect(() => {
    if (!report) return;
    const id = job.current;
    report(id, busy);
    return () => report(id, false);
  }, [report, busy]);
}

/** Whether any job in the surrounding dialog is waiting for main. */
export function useDialogPending(): boolean {
  return useContext(PendingContext)?.pending ?? false;
}

/**
 * A dialog that stays open while a job inside it waits for main (Esc, the close button and a
 * click beside it are refused), so that main's refusal lands on a form still open.
 */
export function PendingModal({ onClose, children, ...props }: Omit<ModalProps, 'closeOnEscape' | 'closeOnClickOutside' | 'closeButtonProps'>) {
  const scope = usePendingScope();
  const { pending } = scope;
  return (
    <Modal
      {...props}
      onClose={() => {
        if (!pending) onClose();
      }}
      // A half-filled form must not be lost to a stray click beside the dialog.
      closeOnClickOutside={false}
      closeOnEscape={!pending}
      closeButtonProps={{ disabled: pending }}
    >
      <PendingProvider scope={scope}>{children}</PendingProvider>
    </Modal>
  );
}

interface ActionModalProps {
  /** The action's label while its form is open; null when closed. */
  action: string | null;
  /** The item's number, named in the title beside the action. */
  number: string;
  size?: ModalProps['size'];
  onClose: () => void;
  children: ReactNode;
}

/** The dialog an action's form opens in, titled 「借阅：ZT-2026-0001」. */
export function ActionModal({ action, number, size = 'xl', onClose, children }: ActionModalProps) {
  const { t } = useTranslation();
  return (
    <PendingModal opened={action !== null} onClose={onClose} size={size} title={action === null ? '' : t('actions.dialogTitle', { action, number })}>
      {children}
    </PendingModal>
  );
}
