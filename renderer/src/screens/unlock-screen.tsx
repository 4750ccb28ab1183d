import { Alert, Button, Center, Paper, Progress, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useForm, type GetInputPropsReturnType } from '@mantine/form';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../src/api/result';
import type { UnlockResult, VaultStatus } from '../../../src/api/types';
import { LanguageSwitch } from '../components/language-switch';
import { SecretInput } from '../components/secret-input';
import { useCountdown } from '../hooks/use-countdown';
import { useProgressPoll } from '../hooks/use-progress-poll';
import { errorText, retryAfterMs } from '../lib/errors';
import { focusFirstError } from '../lib/focus-first-error';

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

interface SecretFormProps extends FormProps {
  label: string;
  /** The secret as sent (and checked for being empty) from what was typed. */
  clean: (typed: string) => string;
  unlock: (secret: string) => Promise<IpcResult<UnlockResult>>;
  /** The field itself, given its label and the form's props for it. */
  input: (props: { label: string } & GetInputPropsReturnType) => ReactNode;
}

/** One secret and the unlock button; the passphrase and the recovery key differ only in the field. */
function SecretForm({ waiting, onResult, label, clean, unlock, input }: SecretFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { secret: '' },
    validate: {
      secret: (v) => (clean(v).length === 0 ? t('unlock.required', { field: label }) : null),
    },
  });
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async ({ secret }) => {
    setBusy(true);
    try {
      const r = await unlock(clean(secret));
      // The secret should not linger in the form after an attempt, right or wrong.
      form.setFieldValue('secret', '');
      onResult(r);
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {input({ label, ...form.getInputProps('secret') })}
        <Button type="submit" loading={busy} disabled={waiting}>
          {t('unlock.submit')}
        </Button>
        <UnlockProgressLine active={busy} />
      </Stack>
    </form>
  );
}

const readUnlockProgress = () => window.api.vault.progress();

/** A large ledger's unlock checks take seconds: say which one runs, and how far it is. */
function UnlockProgressLine({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const p = useProgressPoll(active, readUnlockProgress);
  if (!p) return null;
  return (
    <Stack gap={4} data-testid="unlock-progress">
      <Text size="sm" c="dimmed" data-testid="unlock-phase" data-phase={p.phase}>
        {t(`unlock.phase.${p.phase}`)}
      </Text>
      <Progress value={Math.round(p.fraction * 100)} aria-label={t('unlock.progressLabel')} />
    </Stack>
  );
}

function PassphraseForm(props: FormProps) {
  const { t } = useTranslation();
  return (
    <SecretForm
      {...props}
      label={t('unlock.passphrase')}
      // A passphrase is taken exactly as typed: spaces may be part of it.
      clean={(typed) => typed}
      unlock={(passphrase) => window.api.vault.unlock({ passphrase })}
      input={(p) => <SecretInput autoComplete="current-password" autoFocus {...p} />}
    />
  );
}

function RecoveryForm(props: FormProps) {
  const { t } = useTranslation();
  return (
    <SecretForm
      {...props}
      label={t('unlock.recoveryKey')}
      // A copied key often comes with spaces around it.
      clean={(typed) => typed.trim()}
      unlock={(recoveryKey) => window.api.vault.unlockWithRecovery({ recoveryKey })}
      input={(p) => (
        <TextInput
          description={t('unlock.recoveryHint')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.05em' } }}
          {...p}
        />
      )}
    />
  );
}
