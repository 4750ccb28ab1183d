import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockResult } from '../../../../src/api/types';
import { useReportPending } from '../../components/action-modal';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { chainHeadLabel } from '../../lib/format';
import { BackupSecretFields, useSecretForm, type SecretValues } from './backup-secret-fields';
import { CheckList } from './check-list';
import { CompareTable, type Comparison } from './compare-table';
import { useProgressPoll } from '../../hooks/use-progress-poll';
import { readBackupProgress } from './backup-text';
import { VerifyProgress } from './verify-progress';
import { focusFirstError } from '../../lib/focus-first-error';

interface RestorePanelProps {
  fsUuid: string;
  name: string;
  /** The comparison recorded a verification on the medium. */
  onCompared: () => void;
  onRestored: (result: UnlockResult) => void;
  onClose: () => void;
}

type Step = { step: 'secret' } | { step: 'compare'; secret: SecretValues; comparison: Comparison } | { step: 'done'; result: UnlockResult };

/**
 * 从备份恢复, in three steps: open and compare (nothing changes yet), an explicit
 * confirmation by typing the phrase, then the restore. The secret given for the
 * comparison is held only by this dialog, for the restore that follows.
 */
export function RestorePanel({ fsUuid, name, onCompared, onRestored, onClose }: RestorePanelProps) {
  const { t } = useTranslation();
  const compare = useMutation();
  const restore = useMutation();
  const form = useSecretForm();
  const [step, setStep] = useState<Step>({ step: 'secret' });
  const [typed, setTyped] = useState('');
  const phrase = t('backup.restore.phrase');
  const confirmed = typed.trim() === phrase;
  // Both the comparison and the restore begin with a full test restore of the backup.
  const progress = useProgressPoll(compare.busy || restore.busy, readBackupProgress);
  useReportPending(compare.busy || restore.busy);

  const submitSecret = form.onSubmit(async (secret) => {
    const done = await compare.run(() => window.api.backup.compare({ fsUuid, name, ...secret }));
    form.setFieldValue('secret', '');
    if (!done) return;
    onCompared();
    setTyped('');
    setStep({ step: 'compare', secret, comparison: done.value });
  }, focusFirstError);

  const submitRestore = async () => {
    if (step.step !== 'compare' || !confirmed) return;
    const done = await restore.run(() => window.api.backup.restore({ fsUuid, name, ...step.secret }));
    if (!done) return;
    setStep({ step: 'done', result: done.value });
    onRestored(done.value);
  };

  if (step.step === 'done') {
    return (
      <Stack>
        <Alert color="teal" variant="light" data-testid="restore-done" title={t('backup.restore.done', { head: chainHeadLabel(step.result.chain.head) })}>
          {t('backup.restore.doneDetail')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('backup.restore.close')}</Button>
        </Group>
      </Stack>
    );
  }

  if (step.step === 'compare') {
    const { comparison } = step;
    const valid = comparison.verification.ok && comparison.backup !== null;
    return (
      <Stack>
        {comparison.backup && <CompareTable backup={comparison.backup} current={comparison.current} />}
        {!valid && (
          <>
            <CheckList report={comparison.verification} />
            <Alert color="red" variant="light" data-testid="restore-invalid">
              {t('backup.restore.invalid')}
            </Alert>
          </>
        )}
        {valid && (
          <form
            noValidate
            aria-label={t('backup.restore.submit')}
            onSubmit={(e) => {
              e.preventDefault();
              void submitRestore();
            }}
          >
            <Stack>
              <Alert color="orange" variant="light" data-testid="restore-warning">
                {t('backup.restore.warning')}
              </Alert>
              <TextInput
                label={t('backup.restore.typeLabel', { phrase })}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                autoComplete="off"
                readOnly={restore.busy}
                data-autofocus
              />
              {restore.busy && <VerifyProgress progress={progress} restore />}
              <FormError error={restore.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose} disabled={restore.busy}>
                  {t('backup.restore.cancel')}
                </Button>
                <Button type="submit" color="red" disabled={!confirmed} loading={restore.busy}>
                  {t('backup.restore.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {!valid && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('backup.restore.close')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <form onSubmit={submitSecret} noValidate aria-label={t('backup.restore.compare')}>
      <Stack>
        <Text size="sm">{t('backup.restore.intro')}</Text>
        <BackupSecretFields form={form} />
        {compare.busy && <VerifyProgress progress={progress} />}
        <FormError error={compare.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={compare.busy}>
            {t('backup.restore.cancel')}
          </Button>
          <Button type="submit" loading={compare.busy}>
            {t('backup.restore.compare')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
