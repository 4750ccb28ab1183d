import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupVerification } from '../../../../src/backup/backup-verify';
import { useReportPending } from '../../components/action-modal';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { BackupSecretFields, useSecretForm } from './backup-secret-fields';
import { CheckList } from './check-list';
import { useProgressPoll } from '../../hooks/use-progress-poll';
import { readBackupProgress } from './backup-text';
import { VerifyProgress } from './verify-progress';
import { focusFirstError } from '../../lib/focus-first-error';

interface VerifyPanelProps {
  fsUuid: string;
  name: string;
  /** The result is recorded on the medium: the page reads the volumes and status again. */
  onVerified: () => void;
  onClose: () => void;
}

/** 试恢复: open the backup with its own key slots and run every check, leaving the vault alone. */
export function VerifyPanel({ fsUuid, name, onVerified, onClose }: VerifyPanelProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const form = useSecretForm();
  const [report, setReport] = useState<BackupVerification | null>(null);
  const progress = useProgressPoll(busy, readBackupProgress);
  useReportPending(busy);

  const submit = form.onSubmit(async ({ kind, secret }) => {
    setReport(null);
    const done = await run(() => window.api.backup.verify({ fsUuid, name, secret, kind }));
    // The secret is not kept once it has been used.
    form.setFieldValue('secret', '');
    if (!done) return;
    setReport(done.value);
    onVerified();
  }, focusFirstError);

  return (
    <Stack>
      <Text size="sm">{t('backup.verify.intro')}</Text>
      <form onSubmit={submit} noValidate aria-label={t('backup.verify.action')}>
        <Stack>
          <BackupSecretFields form={form} />
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('backup.verify.close')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('backup.verify.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {busy && <VerifyProgress progress={progress} />}
      {report && <CheckList report={report} />}
    </Stack>
  );
}
