import { Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionFormFrame, DateAndNote } from '../../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../../components/fields/approval-fields';
import { DateField } from '../../../components/fields/date-field';
import { PersonNameInput } from '../../../components/fields/person-name-input';
import { PersonSelect } from '../../../components/fields/person-select';
import { useMutation } from '../../../hooks/use-mutation';
import { TRANSFER_METHODS, type TransferMethod } from '../../../lib/carrier-enums';
import { addDays, today } from '../../../lib/dates';
import { focusFirstError } from '../../../lib/focus-first-error';
import { chosen, required, validDate } from '../../../lib/form-rules';
import { toPersonRef } from '../../../lib/person-ref';
import { useDirectory } from '../../../shell/directory';
import type { ActionFormProps } from './action-form';

interface TakeOutValues {
  carrierPersonId: string;
  destination: string;
  reason: string;
  occurredOn: string;
  untilOn: string;
  note: string;
  approval: ApprovalValues;
}

/** 携带外出: the leader in charge approves; 绝密 only with the unit head's approval. */
export function TakeOutForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const form = useForm<TakeOutValues>({
    initialValues: {
      carrierPersonId: '',
      destination: '',
      reason: '',
      occurredOn: on,
      untilOn: addDays(on, 1),
      note: '',
      approval: approvalDefaults(carrier.level === 'juemi' ? 'unit_head' : 'leader', on),
    },
    validate: {
      carrierPersonId: chosen(t, t('takeOut.bearer')),
      destination: required(t, t('takeOut.destination')),
      reason: required(t, t('takeOut.reason')),
      occurredOn: validDate(t, t('takeOut.occurredOn')),
      untilOn: validDate(t, t('takeOut.untilOn')),
      approval: approvalRules(t),
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.carriers.takeOut({ carrierId: carrier.id, ...v, approval: toApproval(v.approval, people) }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('takeOut.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonSelect label={t('takeOut.bearer')} withAsterisk autoFocus {...form.getInputProps('carrierPersonId')} />
        <TextInput label={t('takeOut.destination')} withAsterisk maxLength={100} {...form.getInputProps('destination')} />
        <TextInput label={t('takeOut.reason')} withAsterisk maxLength={200} {...form.getInputProps('reason')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('takeOut.occurredOn')}>
        <DateField label={t('takeOut.untilOn')} withAsterisk {...form.getInputProps('untilOn')} />
      </DateAndNote>
      <ApprovalFields form={form} />
    </ActionFormFrame>
  );
}

/** 分发: within 知悉范围, signed for, carried by named people (绝密 by two), never by post. */
export function DistributeForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: {
      recipientId: '',
      occurredOn: today(),
      method: 'by_hand' as TransferMethod,
      courier1: '',
      courier2: '',
      withinScope: false,
      recipientSigned: false,
      note: '',
    },
    validate: {
      recipientId: chosen(t, t('distribute.recipient')),
      occurredOn: validDate(t, t('distribute.occurredOn')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const couriers = [v.courier1, v.courier2].filter((n) => n.trim() !== '').map((n) => toPersonRef(n, people));
    const done = await run(() =>
      window.api.carriers.distribute({
        carrierId: carrier.id,
        recipientId: v.recipientId,
        occurredOn: v.occurredOn,
        withinScope: v.withinScope,
        recipientSigned: v.recipientSigned,
        transfer: { method: v.method, couriers },
        note: v.note,
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('distribute.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonSelect label={t('distribute.recipient')} withAsterisk autoFocus {...form.getInputProps('recipientId')} />
        <Select
          label={t('distribute.method')}
          allowDeselect={false}
          data={TRANSFER_METHODS.map((m) => ({ value: m, label: t(`transferMethod.${m}`) }))}
          {...form.getInputProps('method')}
        />
      </Group>
      <Group grow align="flex-start">
        <PersonNameInput label={t('distribute.courier1')} {...form.getInputProps('courier1')} />
        <PersonNameInput
          label={t('distribute.courier2')}
          description={carrier.level === 'juemi' ? t('distribute.twoCouriers') : undefined}
          {...form.getInputProps('courier2')}
        />
      </Group>
      <DateAndNote form={form} dateLabel={t('distribute.occurredOn')} />
      <Stack gap={6}>
        <Checkbox label={t('distribute.withinScope', { scope: carrier.scope || '—' })} {...form.getInputProps('withinScope', { type: 'checkbox' })} />
        <Checkbox label={t('distribute.recipientSigned')} {...form.getInputProps('recipientSigned', { type: 'checkbox' })} />
      </Stack>
    </ActionFormFrame>
  );
}
