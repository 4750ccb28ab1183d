import { Alert, Anchor, Button, Checkbox, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeView } from '../../../../src/backup/backup-service';
import type { Medium } from '../../../../src/ledger/devices/device-model';
import { useReportPending } from '../../components/action-modal';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { useMedia } from '../devices/use-device-lists';
import { focusFirstError } from '../../lib/focus-first-error';

// A destroyed or lost medium can never carry a backup again (R-34); main would refuse it.
const GONE: ReadonlySet<string> = new Set(['destroyed', 'lost']);

interface RegisterVolumeFormProps {
  volume: VolumeView;
  onDone: (m: Medium) => void;
  onCancel: () => void;
  /** To 移动存储介质, where a backup medium is registered first. */
  onOpenMedia: () => void;
}

/**
 * Ties a plugged-in volume to a ledger medium whose purpose is 本系统备份介质. Levels are
 * not filtered here: main checks R-05 against the ledger's highest level and its refusal
 * (which names both levels) is shown as it comes.
 */
export function RegisterVolumeForm({ volume, onDone, onCancel, onOpenMedia }: RegisterVolumeFormProps) {
  const { t } = useTranslation();
  const { run, error, errorCode, busy } = useMutation();
  useReportPending(busy);
  // Main refuses to move a medium that is registered on another volume until this is ticked.
  const [replace, setReplace] = useState(false);
  const offerReplace = replace || errorCode === 'CONFLICT';
  const all = useMedia().media;
  const media = all && all.filter((m) => m.isBackup && !GONE.has(m.state));
  const form = useForm({
    mode: 'controlled',
    initialValues: { mediumId: '' },
    validate: { mediumId: (v) => (v ? null : t('form.choose', { field: t('backup.register.medium') })) },
  });

  const submit = form.onSubmit(async ({ mediumId }) => {
    const done = await run(() => window.api.backup.registerVolume({ mediumId, fsUuid: volume.fsUuid, ...(replace ? { replace: true } : {}) }));
    if (done) onDone(done.value);
  }, focusFirstError);

  const intro = <Text size="sm">{t('backup.register.intro', { label: volume.label || volume.mountPath, fsUuid: volume.fsUuid })}</Text>;
  if (media === null) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (media.length === 0) {
    return (
      <Stack>
        {intro}
        <Alert color="yellow" variant="light" data-testid="no-backup-media">
          {t('backup.register.none')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('backup.register.cancel')}
          </Button>
          <Anchor component="button" type="button" onClick={onOpenMedia}>
            {t('backup.register.toMedia')}
          </Anchor>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('backup.register.title')}>
      <Stack>
        {intro}
        <Select
          label={t('backup.register.medium')}
          description={t('backup.register.mediumHint')}
          required
          data-autofocus
          data={media.map((m) => ({ value: m.id, label: `${m.number}（${t(`level.${m.level}`)}）` }))}
          {...form.getInputProps('mediumId')}
          onChange={(v) => {
            form.setFieldValue('mediumId', v ?? '');
            setReplace(false);
          }}
        />
        <FormError error={error} />
        {offerReplace && (
          <Checkbox
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
            label={t('backup.register.replace')}
            description={t('backup.register.replaceHint')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('backup.register.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('backup.register.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
