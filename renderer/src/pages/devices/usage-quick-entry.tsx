import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ComputerDetail } from '../../../../src/ledger/devices/device-queries';
import { LevelSelect } from '../../components/fields/level-select';
import { PersonSelect } from '../../components/fields/person-select';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import type { Level } from '../../lib/carrier-enums';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen } from '../../lib/form-rules';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { UsageMediaChips } from './usage-media-chips';

interface UsageQuickEntryProps {
  detail: ComputerDetail;
  onDone: () => void;
}

/**
 * R-32 at the desk: 开始使用 when someone sits down, 结束使用 when they leave, each one
 * form with sensible defaults, so the book is kept as the day goes rather than afterwards.
 */
export function UsageQuickEntry({ detail, onDone }: UsageQuickEntryProps) {
  const { t, i18n } = useTranslation();
  const open = detail.computer.openUsage;
  return (
    <Card withBorder data-testid="usage-quick-entry">
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={4}>{t('computers.usage.title')}</Title>
          <Text size="sm" c={open ? 'blue.8' : 'dimmed'} data-testid="usage-status">
            {open
              ? t('computers.inUseBy', { name: open.userName, since: formatDateTime(open.startedAt, i18n.language) })
              : t('computers.usage.idle')}
          </Text>
        </Group>
        {open ? <EndNow detail={detail} onDone={onDone} /> : <StartNow detail={detail} onDone={onDone} />}
      </Stack>
    </Card>
  );
}

function StartNow({ detail, onDone }: UsageQuickEntryProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const c = detail.computer;
  const form = useForm({
    initialValues: { userId: c.userId ?? c.responsibleId, work: '' },
    validate: { userId: chosen(t, t('computers.usage.user')) },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() => window.api.computers.startUsage({ computerId: c.id, userId: v.userId, work: v.work.trim() }));
    if (!done) return;
    notifySuccess(t('computers.usage.started', { number: c.number }));
    onDone();
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t('computers.usage.startNow')}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <PersonSelect label={t('computers.usage.user')} withAsterisk w={220} {...form.getInputProps('userId')} />
          <TextInput label={t('computers.usage.work')} maxLength={200} style={{ flex: 1 }} {...form.getInputProps('work')} />
          <Button type="submit" loading={busy}>
            {t('computers.usage.startNow')}
          </Button>
        </Group>
        <FormError error={error} />
      </Stack>
    </form>
  );
}

interface EndValues {
  work: string;
  highestLevel: Level | '';
  mediaIds: string[];
  anomalies: string;
}

function EndNow({ detail, onDone }: UsageQuickEntryProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const c = detail.computer;
  const form = useForm<EndValues>({
    // R-04 bounds what was handled by the computer's own level: the safe default.
    initialValues: { work: '', highestLevel: c.level, mediaIds: [], anomalies: '' },
    validate: { highestLevel: chosen(t, t('computers.usage.highestLevel')) },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.computers.endUsage({
        computerId: c.id,
        highestLevel: v.highestLevel as Level,
        mediaIds: v.mediaIds,
        anomalies: v.anomalies.trim(),
        // Left blank, the work named when the session started stands.
        ...(v.work.trim() ? { work: v.work.trim() } : {}),
      }),
    );
    if (!done) {
      // A refused medium is recorded as a finding even though the entry stays open.
      onDone();
      return;
    }
    notifySuccess(t('computers.usage.ended', { number: c.number }));
    onDone();
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t('computers.usage.endNow')}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <LevelSelect label={t('computers.usage.highestLevel')} withAsterisk w={130} {...form.getInputProps('highestLevel')} />
          <TextInput
            label={t('computers.usage.work')}
            placeholder={t('computers.usage.workKept')}
            maxLength={200}
            style={{ flex: 1 }}
            {...form.getInputProps('work')}
          />
          <TextInput label={t('computers.usage.anomalies')} placeholder={t('computers.usage.none')} maxLength={200} w={200} {...form.getInputProps('anomalies')} />
          <Button type="submit" color="blue" loading={busy}>
            {t('computers.usage.endNow')}
          </Button>
        </Group>
        <UsageMediaChips media={detail.boundMedia} value={form.values.mediaIds} onChange={(v) => form.setFieldValue('mediaIds', v)} />
        <FormError error={error} />
      </Stack>
    </form>
  );
}
