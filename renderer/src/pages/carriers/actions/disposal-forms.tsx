import { Checkbox, Group, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PersonNameInput } from '../../../components/fields/person-name-input';
import { useMutation } from '../../../hooks/use-mutation';
import type { Level } from '../../../lib/carrier-enums';
import { today } from '../../../lib/dates';
import { required, validDate } from '../../../lib/form-rules';
import { toPersonRef } from '../../../lib/person-ref';
import { useDirectory } from '../../../shell/directory';
import { ActionFormFrame, DateAndNote, type ActionFormProps, type SharedFormProps } from './action-form';
import { SimpleEventForm, type SimpleEvent } from './simple-event-form';

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
  });
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

interface LostReport {
  reportedTo: string;
  circumstances: string;
  occurredOn: string;
  note: string;
}

interface LostReportFormProps extends SharedFormProps<LostReport> {
  /** The item's level sets the leak deadline the warning names. */
  level: Level;
  submitLabel: string;
}

/** 报告下落不明 for anything with a level: carriers and media share the timers. */
export function LostReportForm({ level, submitLabel, record, onDone, onCancel }: LostReportFormProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const form = useForm<LostReport>({
    initialValues: { reportedTo: '', circumstances: '', occurredOn: today(), note: '' },
    validate: {
      reportedTo: required(t, t('lost.reportedTo')),
      circumstances: required(t, t('lost.circumstances')),
      occurredOn: validDate(t, t('lost.occurredOn')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    if (await run(() => record(v))) onDone();
  });
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={submitLabel} onCancel={onCancel}>
      <Text size="sm" c="red.8">
        {t('lost.warning', { days: level === 'juemi' ? 10 : 60 })}
      </Text>
      <TextInput label={t('lost.reportedTo')} withAsterisk autoFocus maxLength={100} {...form.getInputProps('reportedTo')} />
      <Textarea label={t('lost.circumstances')} withAsterisk maxLength={500} autosize minRows={2} {...form.getInputProps('circumstances')} />
      <DateAndNote form={form} dateLabel={t('lost.occurredOn')} />
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
  });
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('found.submit')} onCancel={onCancel}>
      <TextInput label={t('found.where')} withAsterisk autoFocus maxLength={200} {...form.getInputProps('where')} />
      <DateAndNote form={form} dateLabel={t('found.occurredOn')} />
    </ActionFormFrame>
  );
}
