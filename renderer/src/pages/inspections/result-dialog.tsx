import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding, RunResult } from '../../../../src/ledger/inspections/runs';
import type { TemplateItem } from '../../../../src/ledger/inspections/templates';
import { useMutation } from '../../hooks/use-mutation';
import { addDays, today } from '../../lib/dates';
import { ResultForm, type ResultValue, type ResultValues } from './finding-form';

/** What the dialog is open for: recording 不符合 on an open run, or correcting a signed one. */
export interface ResultDialogTarget {
  item: TemplateItem;
  result: ResultValue;
  correction: boolean;
}

interface ResultDialogProps {
  runId: string;
  month: string;
  target: ResultDialogTarget | null;
  current: RunResult | undefined;
  finding: Finding | null;
  onClose: () => void;
  onDone: (r: RunResult) => void;
}

// A month is the usual time given for 整改.
const DEFAULT_DEADLINE_DAYS = 30;

export function ResultDialog({ runId, month, target, current, finding, onClose, onDone }: ResultDialogProps) {
  const { t } = useTranslation();
  const { run, error, setError, busy } = useMutation();
  const close = () => {
    setError(null);
    onClose();
  };
  const initial = (tg: ResultDialogTarget): ResultValues => ({
    result: tg.result,
    note: current?.note ?? '',
    findingText: finding?.text ?? '',
    owner: finding?.owner.name ?? '',
    deadline: finding?.deadline ?? addDays(today(), DEFAULT_DEADLINE_DAYS),
  });
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      size="lg"
      closeOnClickOutside={false}
      title={target ? t(target.correction ? 'inspection.correctDialog' : 'finding.dialog', { id: target.item.id }) : ''}
    >
      {target && (
        <>
          <Text size="sm" mb="sm">
            {target.item.text}
          </Text>
          <ResultForm
            runId={runId}
            itemId={target.item.id}
            monthStart={`${month}-01`}
            initial={initial(target)}
            correction={target.correction}
            existing={finding}
            error={error}
            busy={busy}
            onCancel={close}
            onSubmit={(input) =>
              void (async () => {
                const api = window.api.inspections;
                const done = await run(() => (target.correction ? api.correctResult(input) : api.setResult(input)));
                if (done) onDone(done.value);
              })()
            }
          />
        </>
      )}
    </Modal>
  );
}
