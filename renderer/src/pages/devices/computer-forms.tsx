import { Checkbox, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ComputerRow } from '../../../../src/ledger/devices/device-queries';
import { ActionFormFrame, DateAndNote, type EventFormCallbacks } from '../../components/event-forms/event-form-frame';
import { DateField } from '../../components/fields/date-field';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonSelect } from '../../components/fields/person-select';
import { useMutation } from '../../hooks/use-mutation';
import { LEVELS, type Level } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, numberOrNull, validDate, wholeNumber } from '../../lib/form-rules';
import { useDirectory } from '../../shell/directory';

export interface ComputerFormProps extends EventFormCallbacks {
  computer: ComputerRow;
}

interface EnableValues {
  occurredOn: string;
  checkedOn: string;
  labelApplied: boolean;
  level: Level | '';
  note: string;
}

/** 启用: only after the security check, with the label on, at a level never lower. */
export function EnableForm({ computer, onDone, onCancel }: ComputerFormProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm<EnableValues>({
    initialValues: { occurredOn: on, checkedOn: computer.checkedOn ?? on, labelApplied: false, level: computer.level, note: '' },
    validate: {
      occurredOn: validDate(t, t('computers.enable.occurredOn')),
      checkedOn: (v, values) =>
        validDate(t, t('computers.enable.checkedOn'))(v) ?? (v > values.occurredOn ? t('computers.enable.checkAfter') : null),
      level: chosen(t, t('computers.field.level')),
      labelApplied: (v) => (v ? null : t('computers.enable.labelRequired')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.computers.enable({ computerId: computer.id, occurredOn: v.occurredOn, checkedOn: v.checkedOn, labelApplied: v.labelApplied, level: v.level as Level, note: v.note }),
    );
    if (done) onDone();
  }, focusFirstError);
  // the level can only rise at enabling too.
  const levels = LEVELS.slice(0, LEVELS.indexOf(computer.level) + 1);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('computers.enable.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <DateField label={t('computers.enable.checkedOn')} withAsterisk autoFocus {...form.getInputProps('checkedOn')} />
        <LevelSelect label={t('computers.field.level')} withAsterisk levels={levels} {...form.getInputProps('level')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('computers.enable.occurredOn')} />
      <Checkbox label={t('computers.enable.labelApplied')} {...form.getInputProps('labelApplied', { type: 'checkbox' })} />
    </ActionFormFrame>
  );
}

/**
 * 口令更换: only that it was changed, its length and that it meets the policy are
 * recorded. There is deliberately no password field: the password never enters the ledger.
 */
export function PasswordForm({ computer, onDone, onCancel }: ComputerFormProps) {
  const { t } = useTranslation();
  const { settings } = useDirectory();
  const { run, error, busy } = useMutation();
  const min = settings
    ? { juemi: settings.computerPasswordMinLengthJuemi, jimi: settings.computerPasswordMinLengthJimi, mimi: settings.computerPasswordMinLengthMimi, neibu: settings.computerPasswordMinLengthMimi }[computer.level]
    : 8;
  const form = useForm<{ occurredOn: string; length: number | string; meetsPolicy: boolean; note: string }>({
    initialValues: { occurredOn: today(), length: '', meetsPolicy: false, note: '' },
    validate: {
      occurredOn: validDate(t, t('computers.password.occurredOn')),
      length: (v) => wholeNumber(t, t('computers.password.length'), 1, 128)(v) ?? ((numberOrNull(v) ?? 0) < min ? t('computers.password.tooShort', { min }) : null),
      meetsPolicy: (v) => (v ? null : t('computers.password.policyRequired')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.computers.passwordChanged({ computerId: computer.id, occurredOn: v.occurredOn, length: numberOrNull(v.length) ?? 0, meetsPolicy: v.meetsPolicy, note: v.note }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('computers.password.submit')} onCancel={onCancel}>
      <Text size="sm">{t('computers.password.intro')}</Text>
      <Group grow align="flex-start">
        <NumberInput
          label={t('computers.password.length')}
          withAsterisk
          autoFocus
          min={1}
          max={128}
          allowDecimal={false}
          description={t('computers.password.minHint', { level: t(`level.${computer.level}`), min })}
          {...form.getInputProps('length')}
        />
      </Group>
      <Checkbox label={t('computers.password.meetsPolicy')} {...form.getInputProps('meetsPolicy', { type: 'checkbox' })} />
      <DateAndNote form={form} dateLabel={t('computers.password.occurredOn')} />
    </ActionFormFrame>
  );
}

/** 变更: where it stands, which department, who uses it or answers for it. Only changes are sent. */
export function ChangeForm({ computer, onDone, onCancel }: ComputerFormProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const initial = { location: computer.location, department: computer.department, userId: computer.userId ?? '', responsibleId: computer.responsibleId };
  const form = useForm({
    initialValues: { ...initial, occurredOn: today(), note: '' },
    validate: {
      occurredOn: validDate(t, t('computers.change.occurredOn')),
      responsibleId: chosen(t, t('computers.field.responsible')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const changed = {
      ...(v.location.trim() !== initial.location ? { location: v.location.trim() } : {}),
      ...(v.department.trim() !== initial.department ? { department: v.department.trim() } : {}),
      ...(v.userId !== initial.userId ? { userId: v.userId || null } : {}),
      ...(v.responsibleId !== initial.responsibleId ? { responsibleId: v.responsibleId } : {}),
    };
    if (Object.keys(changed).length === 0) {
      form.setFieldError('location', t('computers.change.nothing'));
      return;
    }
    const done = await run(() => window.api.computers.change({ computerId: computer.id, occurredOn: v.occurredOn, note: v.note, ...changed }));
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('computers.change.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <TextInput label={t('computers.field.location')} autoFocus maxLength={100} {...form.getInputProps('location')} />
        <TextInput label={t('computers.field.department')} maxLength={60} {...form.getInputProps('department')} />
      </Group>
      <Group grow align="flex-start">
        <PersonSelect label={t('computers.field.user')} clearable {...form.getInputProps('userId')} onChange={(id) => form.setFieldValue('userId', id ?? '')} />
        <PersonSelect label={t('computers.field.responsible')} withAsterisk {...form.getInputProps('responsibleId')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('computers.change.occurredOn')} />
    </ActionFormFrame>
  );
}
