import { Autocomplete, Group, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../../../src/ledger/carriers/carrier-model';
import type { PersonRef } from '../../../../src/ledger/people/people';
import { ActionFormFrame, DateAndNote, type SharedFormProps } from '../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../components/fields/approval-fields';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { useMutation } from '../../hooks/use-mutation';
import { LEVELS, type Level } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { useLedger } from '../../shell/ledger-context';

interface RaiseValues {
  level: Level | '';
  reason: string;
  occurredOn: string;
  note: string;
}

/** 升级密级: only a higher level is offered; a device's level never goes down. */
export function RaiseLevelForm({ current, record, onDone, onCancel }: SharedFormProps<{ level: Level; reason: string; occurredOn: string; note: string }> & { current: Level }) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const higher = LEVELS.slice(0, LEVELS.indexOf(current));
  const form = useForm<RaiseValues>({
    initialValues: { level: higher[higher.length - 1] ?? '', reason: '', occurredOn: today(), note: '' },
    validate: { level: chosen(t, t('devices.raise.level')), reason: required(t, t('devices.raise.reason')), occurredOn: validDate(t, t('devices.raise.occurredOn')) },
  });
  const submit = form.onSubmit(async (v) => {
    if (await run(() => record({ ...v, level: v.level as Level, reason: v.reason.trim() }))) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('devices.raise.submit')} onCancel={onCancel}>
      <Text size="sm">{t('devices.raise.intro', { level: t(`level.${current}`) })}</Text>
      <Group grow align="flex-start">
        <LevelSelect label={t('devices.raise.level')} withAsterisk levels={higher} {...form.getInputProps('level')} />
        <TextInput label={t('devices.raise.reason')} withAsterisk autoFocus maxLength={200} {...form.getInputProps('reason')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('devices.raise.occurredOn')} />
    </ActionFormFrame>
  );
}

interface DestroyValues {
  occurredOn: string;
  note: string;
  place: string;
  method: string;
  handledBy: string;
  approval: ApprovalValues;
}

export interface DestroyInput {
  occurredOn: string;
  note: string;
  place: string;
  method: string;
  handledBy: PersonRef;
  approval: Approval;
}

/** 销毁: approved by someone else, at a designated site, by a named person. */
export function DestroyDeviceForm({ intro, record, onDone, onCancel }: SharedFormProps<DestroyInput> & { intro: string }) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { summary } = useLedger();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm<DestroyValues>({
    initialValues: { occurredOn: on, note: '', place: '', method: '', handledBy: summary.officerName, approval: approvalDefaults('leader', on) },
    validate: {
      occurredOn: validDate(t, t('devices.destroy.occurredOn')),
      place: required(t, t('devices.destroy.place')),
      method: required(t, t('devices.destroy.method')),
      handledBy: required(t, t('devices.destroy.handledBy')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const input: DestroyInput = {
      occurredOn: v.occurredOn,
      note: v.note,
      place: v.place.trim(),
      method: v.method.trim(),
      handledBy: toPersonRef(v.handledBy, people),
      approval: toApproval(v.approval, people),
    };
    if (await run(() => record(input))) onDone();
  }, focusFirstError);
  const methods = ['physical_destruction', 'degaussing', 'incineration'].map((m) => t(`destructionMethod.${m}`));
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('devices.destroy.submit')} onCancel={onCancel}>
      <Text size="sm" c="red.8">
        {intro}
      </Text>
      <Group grow align="flex-start">
        <TextInput label={t('devices.destroy.place')} withAsterisk autoFocus maxLength={100} placeholder={t('devices.destroy.placeHint')} {...form.getInputProps('place')} />
        <Autocomplete label={t('devices.destroy.method')} withAsterisk maxLength={60} data={methods} {...form.getInputProps('method')} />
        <PersonNameInput label={t('devices.destroy.handledBy')} withAsterisk {...form.getInputProps('handledBy')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('devices.destroy.occurredOn')} />
      <ApprovalFields form={form} />
    </ActionFormFrame>
  );
}
