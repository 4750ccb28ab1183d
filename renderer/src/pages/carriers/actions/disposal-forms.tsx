import { Checkbox, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionFormFrame, DateAndNote } from '../../../components/event-forms/event-form-frame';
import { LostReportForm } from '../../../components/event-forms/lost-report-form';
import { SimpleEventForm, type SimpleEvent } from '../../../components/event-forms/simple-event-form';
import { PersonNameInput } from '../../../components/fields/person-name-input';
import { useMutation } from '../../../hooks/use-mutation';
import { today } from '../../../lib/dates';
import { focusFirstError } from '../../../lib/focus-first-error';
import { required, validDate } from '../../../lib/form-rules';
import { toPersonRef } from '../../../lib/person-ref';
import { useDirectory } from '../../../shell/directory';
import type { ActionFormProps } from './action-form';

type SimpleKind = 'markForReturn' | 'archive' | 'requestDestruction';

/** 列入清退, 归档, 申请销毁: a dated entry with an optional note. */
export function CarrierSimpleEventForm({ carrier, kind, onDone, onCancel }: ActionFormProps & { kind: SimpleKind }) {
  const { t } = useTranslation();
  const record = (v: SimpleEvent) => {
    const input = { carrierId: carrier.id, ...v };
    const api = window.api.carriers;
    return kind === 'markForReturn' ? api.markForReturn(input) : kind === 'archive' ? api.archive(input) : api.requestDestruction(input);
  };
  return (
    <SimpleEventForm
      intro={t(`simpleEvent.${kind}`, { number: carrier.number })}
      submitLabel={t(`actions.${kind}`)}
      record={record}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

/** 清退: back to the issuer, listed, both parties and a leader sign. */
export function ReturnToIssuerForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { receiver: '', leader: '', bothSigned: false, occurredOn: today(), note: '' },
    validate: {
      receiver: required(t, t('returnToIssuer.receiver')),
      leader: required(t, t('returnToIssuer.leader')),
      occurredOn: validDate(t, t('returnToIssuer.occurredOn')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.carriers.returnToIssuer({
        carrierId: carrier.id,
        receiver: toPersonRef(v.receiver, people),
        leader: toPersonRef(v.leader, people),
        bothSigned: v.bothSigned,
        occurredOn: v.occurredOn,
        note: v.note,
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('returnToIssuer.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonNameInput label={t('returnToIssuer.receiver')} withAsterisk autoFocus {...form.getInputProps('receiver')} />
        <PersonNameInput label={t('returnToIssuer.leader')} withAsterisk {...form.getInputProps('leader')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('returnToIssuer.occurredOn')} />
      <Checkbox label={t('returnToIssuer.bothSigned')} {...form.getInputProps('bothSigned', { type: 'checkbox' })} />
    </ActionFormFrame>
  );
}

/** 报告下落不明: reported at once; the leak deadline runs from today. */
export function LostForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <LostReportForm
      level={carrier.level}
      submitLabel={t('lost.submit')}
      record={(v) => window.api.carriers.reportLost({ carrierId: carrier.id, ...v })}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

/** 找回: where it turned up; the item is back in store. */
export function FoundForm({ carrier, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { where: '', occurredOn: today(), note: '' },
    validate: { where: required(t, t('found.where')), occurredOn: validDate(t, t('found.occurredOn')) },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() => window.api.carriers.markFound({ carrierId: carrier.id, ...v }));
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('found.submit')} onCancel={onCancel}>
      <TextInput label={t('found.where')} withAsterisk autoFocus maxLength={200} {...form.getInputProps('where')} />
      <DateAndNote form={form} dateLabel={t('found.occurredOn')} />
    </ActionFormFrame>
  );
}
