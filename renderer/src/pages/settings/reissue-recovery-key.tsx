import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CreateVaultResult } from '../../../../src/api/types';
import { SecretInput } from '../../components/secret-input';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { useLedger } from '../../shell/ledger-context';

/**
 * 重新生成恢复密钥: for a sheet lost or never printed. The passphrase is asked again, so
 * whoever walks up to an unlocked screen cannot mint a key that opens the vault for good;
 * the old key stops working at once.
 */
export function ReissueRecoveryKey({ onIssued }: { onIssued: (sheet: CreateVaultResult) => void }) {
  const { t } = useTranslation();
  const { summary } = useLedger();
  const { run, error, setError, busy } = useMutation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { passphrase: '' },
    validate: { passphrase: (v) => (v ? null : t('unlock.required', { field: t('reissue.passphrase') })) },
  });

  const submit = form.onSubmit(async ({ passphrase }) => {
    setError(null);
    const done = await run(() => window.api.vault.reissueRecoveryKey({ passphrase }));
    form.reset();
    if (!done) return;
    onIssued({
      recoveryKey: done.value.recoveryKey,
      unitName: summary.unitName,
      officerName: summary.officerName,
      createdAt: done.value.issuedAt,
      vaultId: summary.vaultId,
    });
  }, focusFirstError);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('reissue.title')}>
        <Stack>
          <Title order={4}>{t('reissue.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('reissue.intro')}
          </Text>
          <SecretInput
            label={t('reissue.passphrase')}
            autoComplete="current-password"
            {...form.getInputProps('passphrase')}
            error={form.errors['passphrase'] ?? error}
          />
          <Group>
            <Button type="submit" color="orange" loading={busy}>
              {t('reissue.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
