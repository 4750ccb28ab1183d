import { Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ComputerDetail } from '../../../../src/ledger/devices/device-queries';
import { ActionFormFrame, type EventFormCallbacks } from '../../components/event-forms/event-form-frame';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonSelect } from '../../components/fields/person-select';
import { useMutation } from '../../hooks/use-mutation';
import type { Level } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen } from '../../lib/form-rules';
import { UsageMediaChips } from './usage-media-chips';

interface LogValues {
  userId: string;
  work: string;
  start: string;
  end: string;
  highestLevel: Level | '';
  mediaIds: string[];
  anomalies: string;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The officer's local date-time (from a datetime-local field) as the instant main stores. */
export const localToIso = (v: string): string => dayjs(v).toISOString();

/** 补登使用: a whole session entered afterwards, with its start and end. */
export function UsageLogForm({ detail, onDone, onCancel }: EventFormCallbacks & { detail: ComputerDetail }) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const c = detail.computer;
  const day = today();
  const form = useForm<LogValues>({
    initialValues: { userId: c.userId ?? c.responsibleId, work: '', start: `${day}T08:30`, end: `${day}T17:30`, highestLevel: c.level, mediaIds: [], anomalies: '' },
    validate: {
      userId: chosen(t, t('computers.usage.user')),
      start: (v) => (LOCAL.test(v) ? null : t('form.required', { field: t('computers.usage.start') })),
      end: (v, values) =>
        !LOCAL.test(v) ? t('form.required', { field: t('computers.usage.end') }) : v <= values.start ? t('computers.usage.endBeforeStart') : null,
      highestLevel: chosen(t, t('computers.usage.highestLevel')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.computers.logUsage({
        computerId: c.id,
        userId: v.userId,
        work: v.work.trim(),
        startedAt: localToIso(v.start),
        endedAt: localToIso(v.end),
        highestLevel: v.highestLevel as Level,
        mediaIds: v.mediaIds,
        anomalies: v.anomalies.trim(),
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('computers.usage.logSubmit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonSelect label={t('computers.usage.user')} withAsterisk autoFocus {...form.getInputProps('userId')} />
        <TextInput type="datetime-local" label={t('computers.usage.start')} withAsterisk {...form.getInputProps('start')} />
        <TextInput type="datetime-local" label={t('computers.usage.end')} withAsterisk {...form.getInputProps('end')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('computers.usage.work')} maxLength={200} {...form.getInputProps('work')} />
        <LevelSelect label={t('computers.usage.highestLevel')} withAsterisk {...form.getInputProps('highestLevel')} />
        <TextInput label={t('computers.usage.anomalies')} placeholder={t('computers.usage.none')} maxLength={200} {...form.getInputProps('anomalies')} />
      </Group>
      <UsageMediaChips media={detail.boundMedia} value={form.values.mediaIds} onChange={(v) => form.setFieldValue('mediaIds', v)} />
    </ActionFormFrame>
  );
}
