import { Alert, Button, Center, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../src/api/result';
import type { UnlockResult, VaultStatus } from '../../../src/api/types';
import { LanguageSwitch } from '../components/language-switch';
import { SecretInput } from '../components/secret-input';
import { useCountdown } from '../hooks/use-countdown';
import { errorText, retryAfterMs } from '../lib/errors';

type Mode = 'passphrase' | 'recovery';

interface UnlockScreenProps {
  status: VaultStatus;
  onUnlocked: (result: UnlockResult) => void;
}

export function UnlockScreen({ status, onUnlocked }: UnlockScreenProps) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('passphrase');
  const [error, setError] = useState<string | null>(null);
  const { secondsLeft, extend } = useCountdown();

  useEffect(() => {
    if (status.retryAfterMs > 0) extend(status.retryAfterMs);
  }, [status.retryAfterMs, extend]);

  const handle = (r: IpcResult<UnlockResult>) => {
    if (r.ok) {
      setError(null);
      onUnlocked(r.value);
      return;
    }
    setError(errorText(i18n, r.error));
    const wait = retryAfterMs(r.error);
    if (wait !== null) extend(wait);
  };

  const changeMode = (v: string | null) => {
    setMode(v === 'recovery' ? 'recovery' : 'passphrase');
    setError(null);
  };

  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={440} maw="100%">
        <Stack>
          <div>
            <Text size="sm" c="dimmed">
              {t('app.title')}
            </Text>
            <Title order={2}>{t('unlock.title')}</Title>
          </div>
          <Tabs value={mode} onChange={changeMode} keepMounted={false}>
            <Tabs.List grow>
              <Tabs.Tab value="passphrase">{t('unlock.tabPassphrase')}</Tabs.Tab>
              <Tabs.Tab value="recovery">{t('unlock.tabRecovery')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="passphrase" pt="md">
              <PassphraseForm waiting={secondsLeft > 0} onResult={handle} />
            </Tabs.Panel>
            <Tabs.Panel value="recovery" pt="md">
              <RecoveryForm waiting={secondsLeft > 0} onResult={handle} />
            </Tabs.Panel>
          </Tabs>
          {error && (
            <Alert color="red" role="alert" title={t('unlock.failed')}>
              {error}
            </Alert>
          )}
          {secondsLeft > 0 && (
            <Text c="orange.8" fw={600} role="status" data-testid="unlock-countdown">
              {t('unlock.wait', { seconds: secondsLeft })}
            </Text>
          )}
          {status.notice && (
            <Alert color="orange" data-testid="unlock-notice">
              {status.notice}
            </Alert>
          )}
          {status.failedAttempts > 0 && (
            <Text size="sm" c="dimmed" data-testid="failed-attempts">
              {t('unlock.failedAttempts', { count: status.failedAttempts })}
            </Text>
          )}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}

interface FormProps {
  waiting: boolean;
  onResult: (r: IpcResult<UnlockResult>) => void;
}

function PassphraseForm({ waiting, onResult }: FormProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { passphrase: '' },
    validate: {
      passphrase: (v) => (v.length === 0 ? t('unlock.required', { field: t('unlock.passphrase') }) : null),
    },
  });
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async ({ passphrase }) => {
    setBusy(true);
    try {
      const r = await window.api.vault.unlock({ passphrase });
      // The secret should not linger in the form after an attempt, right or wrong.
      form.setFieldValue('passphrase', '');
      onResult(r);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SecretInput
          label={t('unlock.passphrase')}
          autoComplete="current-password"
          autoFocus
          {...form.getInputProps('passphrase')}
        />
        <Button type="submit" loading={busy} disabled={waiting}>
          {t('unlock.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryForm({ waiting, onResult }: FormProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { recoveryKey: '' },
    validate: {
      recoveryKey: (v) =>
        v.trim().length === 0 ? t('unlock.required', { field: t('unlock.recoveryKey') }) : null,
    },
  });
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async ({ recoveryKey }) => {
    setBusy(true);
    try {
      const r = await window.api.vault.unlockWithRecovery({ recoveryKey: recoveryKey.trim() });
      form.setFieldValue('recoveryKey', '');
      onResult(r);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('unlock.recoveryKey')}
          description={t('unlock.recoveryHint')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.05em' } }}
          {...form.getInputProps('recoveryKey')}
        />
        <Button type="submit" loading={busy} disabled={waiting}>
          {t('unlock.submit')}
        </Button>
      </Stack>
    </form>
  );
}
