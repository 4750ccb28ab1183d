import { Group, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionFormFrame, DateAndNote } from '../../components/event-forms/event-form-frame';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { useMutation } from '../../hooks/use-mutation';
import type { Level } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { MEDIUM_OPERATIONS, type MediumOperation } from './device-enums';
import type { MediumFormProps } from './medium-forms';
import { computerLabel, useComputers } from './use-device-lists';

interface UseValues {
  where: 'ledger' | 'other';
  computerId: string;
  otherComputer: string;
  operation: MediumOperation;
  summary: string;
  level: Level | '';
  approver: string;
  operator: string;
  occurredOn: string;
  note: string;
}

/**
 * 登记使用 (register 11). The officer records what happened, including a use on a computer
 * outside the ledger: main refuses it under R-36 and keeps the attempt as a finding, so the
 * page behind the dialog is reloaded (`onRefused`) to show it among the findings.
 */
export function MediumUseForm({ medium, onDone, onCancel, onRefused }: MediumFormProps & { onRefused: () => void }) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { computers } = useComputers();
  const { run, error, busy } = useMutation();
  const operator = medium.holderName ?? medium.responsibleName ?? '';
  const form = useForm<UseValues>({
    initialValues: {
      where: 'ledger',
      // The usual case: the one computer the medium is bound to.
      computerId: medium.boundComputerIds.length === 1 ? (medium.boundComputerIds[0] ?? '') : '',
      otherComputer: '',
      operation: 'read',
      summary: '',
      level: medium.level,
      approver: '',
      operator,
      occurredOn: today(),
      note: '',
    },
    validate: {
      computerId: (v, values) => (values.where === 'ledger' ? chosen(t, t('media.use.computer'))(v) : null),
      otherComputer: (v, values) => (values.where === 'other' ? required(t, t('media.use.otherComputer'))(v) : null),
      operation: chosen(t, t('media.use.operation')),
      summary: required(t, t('media.use.summary')),
      level: chosen(t, t('media.use.level')),
      operator: required(t, t('media.use.operator')),
      occurredOn: validDate(t, t('media.use.occurredOn')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const ledger = v.where === 'ledger';
    const done = await run(() =>
      window.api.media.recordUse({
        mediumId: medium.id,
        computerId: ledger ? v.computerId : null,
        otherComputer: ledger ? '' : v.otherComputer.trim(),
        operation: v.operation,
        summary: v.summary.trim(),
        level: v.level as Level,
        approver: v.approver.trim() ? toPersonRef(v.approver, people) : null,
        operator: toPersonRef(v.operator, people),
        occurredOn: v.occurredOn,
        note: v.note,
      }),
    );
    if (done) onDone();
    else onRefused();
  }, focusFirstError);
  const bound = new Set(medium.boundComputerIds);
  const data = (computers ?? [])
    .filter((c) => c.state !== 'destroyed')
    .map((c) => ({
      value: c.id,
      label: `${computerLabel(c, t(`level.${c.level}`))}${bound.has(c.id) ? '' : t('media.use.notBound')}`,
    }));
  const ledger = form.values.where === 'ledger';
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('media.use.submit')} onCancel={onCancel}>
      <SegmentedControl
        aria-label={t('media.use.where')}
        data={[
          { value: 'ledger', label: t('media.use.ledgerComputer') },
          { value: 'other', label: t('media.use.otherComputerChoice') },
        ]}
        {...form.getInputProps('where')}
      />
      <Group grow align="flex-start">
        {ledger ? (
          <Select label={t('media.use.computer')} withAsterisk searchable data={data} {...form.getInputProps('computerId')} />
        ) : (
          <TextInput label={t('media.use.otherComputer')} withAsterisk maxLength={100} placeholder={t('media.use.otherPlaceholder')} {...form.getInputProps('otherComputer')} />
        )}
        <Select
          label={t('media.use.operation')}
          withAsterisk
          allowDeselect={false}
          data={MEDIUM_OPERATIONS.map((o) => ({ value: o, label: t(`devices.operation.${o}`) }))}
          {...form.getInputProps('operation')}
        />
        <LevelSelect label={t('media.use.level')} withAsterisk {...form.getInputProps('level')} />
      </Group>
      <TextInput label={t('media.use.summary')} withAsterisk autoFocus maxLength={200} {...form.getInputProps('summary')} />
      <Group grow align="flex-start">
        <PersonNameInput label={t('media.use.operator')} withAsterisk {...form.getInputProps('operator')} />
        <PersonNameInput label={t('media.use.approver')} {...form.getInputProps('approver')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('media.use.occurredOn')} />
      {!ledger && (
        <Text size="sm" c="red.8">
          {t('media.use.otherWarning')}
        </Text>
      )}
    </ActionFormFrame>
  );
}
