import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../src/api/contract';
import type { Finding, RunResult } from '../../../../src/ledger/inspections/runs';
import { DateField } from '../../components/fields/date-field';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { FormError } from '../../components/form-error';
import { isIsoDate } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';

export const RESULTS = ['pass', 'fail', 'na'] as const satisfies readonly RunResult['result'][];
export type ResultValue = (typeof RESULTS)[number];

export interface ResultValues {
  result: ResultValue;
  note: string;
  findingText: string;
  owner: string;
  deadline: string;
}

/**
 * 不符合 needs the finding, who owns its 整改 and by when. The deadline may not lie before
 * the month inspected (a finding cannot be due before it was found).
 */
export const resultRules = (t: TFunction, monthStart: string) => ({
  findingText: (v: string, values: ResultValues) => (values.result === 'fail' ? required(t, t('finding.text'))(v) : null),
  owner: (v: string, values: ResultValues) => (values.result === 'fail' ? required(t, t('finding.owner'))(v) : null),
  deadline: (v: string, values: ResultValues) => {
    if (values.result !== 'fail') return null;
    const bad = validDate(t, t('finding.deadline'))(v);
    if (bad) return bad;
    return isIsoDate(v) && v < monthStart ? t('finding.deadlineTooEarly', { date: monthStart }) : null;
  },
});

type SetResultInput = InputOf<'inspections:setResult'>;

interface ResultFormProps {
  runId: string;
  itemId: string;
  monthStart: string;
  initial: ResultValues;
  /** A signed run takes corrections only (the result may then change too). */
  correction: boolean;
  /** The earlier finding of this item, shown so a correction does not open a second one. */
  existing: Finding | null;
  error: string | null;
  busy: boolean;
  onSubmit: (input: SetResultInput) => void;
  onCancel: () => void;
}

/**
 * The result of one item with its note and, for 不符合, the finding. Enter submits; the
 * dialog's focus trap starts at the field marked data-autofocus (else the close button).
 */
export function ResultForm({ runId, itemId, monthStart, initial, correction, existing, error, busy, onSubmit, onCancel }: ResultFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const form = useForm<ResultValues>({ initialValues: initial, validate: resultRules(t, monthStart) });
  const failing = form.values.result === 'fail';

  const submit = form.onSubmit((v) =>
    onSubmit({
      runId,
      itemId,
      result: v.result,
      note: v.note.trim(),
      finding: v.result === 'fail' ? { text: v.findingText.trim(), owner: toPersonRef(v.owner, people), deadline: v.deadline } : null,
    }),
    focusFirstError,
  );

  return (
    <form onSubmit={submit} noValidate aria-label={correction ? t('inspection.correctTitle') : t('finding.title')}>
      <Stack gap="sm">
        {correction && (
          <SegmentedControl
            aria-label={t('inspection.result')}
            data={RESULTS.map((r) => ({ value: r, label: t(`inspection.results.${r}`) }))}
            {...form.getInputProps('result')}
          />
        )}
        {failing && existing && (
          <Text size="sm" c="dimmed">
            {t('finding.existing', { text: existing.text, deadline: existing.deadline })}
          </Text>
        )}
        {failing && (
          <>
            <TextInput label={t('finding.text')} withAsterisk data-autofocus maxLength={300} {...form.getInputProps('findingText')} />
            <Group grow align="flex-start">
              <PersonNameInput label={t('finding.owner')} withAsterisk {...form.getInputProps('owner')} />
              <DateField label={t('finding.deadline')} withAsterisk {...form.getInputProps('deadline')} />
            </Group>
          </>
        )}
        <TextInput label={t('inspection.note')} maxLength={500} data-autofocus={failing ? undefined : true} {...form.getInputProps('note')} />
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={correction ? 'orange' : failing ? 'red' : undefined}>
            {correction ? t('inspection.correctSubmit') : t('finding.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
