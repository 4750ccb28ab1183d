import { Button, Card, Group, NumberInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateVaultResult, Settings } from '../../../src/api/types';
import { DEFAULT_PASSPHRASE_MIN_LENGTH } from '../../../src/vault/passphrase-policy';
import { LanguageSwitch } from '../components/language-switch';
import { PassphraseChecklist, passphraseProblem } from '../components/passphrase-checklist';
import { SecretInput } from '../components/secret-input';
import { errorText } from '../lib/errors';
import { focusFirstError } from '../lib/focus-first-error';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { RecoverySheet } from '../screens/recovery-sheet';
import { useDirectory } from '../shell/directory';
import { useLedger } from '../shell/ledger-context';
import { HostComputerSettings } from './settings/host-computer-settings';
import { LedgerRulesSettings } from './settings/ledger-rules-settings';
import { ReissueRecoveryKey } from './settings/reissue-recovery-key';

// The contract's bounds for settings:update (R-11 idle minutes, R-10 length).
const IDLE = { min: 1, max: 240 };
const MIN_LENGTH = { min: 8, max: 64 };

export function SettingsPage() {
  const { t } = useTranslation();
  // The shell's copy, which every form that uses the settings reads; saving reloads it.
  const { settings } = useDirectory();
  const [sheet, setSheet] = useState<CreateVaultResult | null>(null);

  // The new key is shown once, as on the day the vault was created; leaving the page (or a
  // lock, which unmounts the shell) drops it.
  if (sheet) return <RecoverySheet result={sheet} reissued onDone={() => setSheet(null)} />;

  return (
    <Stack maw={760}>
      <Title order={2}>{t('settings.title')}</Title>
      {settings && <GeneralSettings initial={settings} />}
      {settings && <LedgerRulesSettings initial={settings} />}
      {settings && <HostComputerSettings initial={settings} />}
      <ChangePassphrase minLength={settings?.passphraseMinLength ?? DEFAULT_PASSPHRASE_MIN_LENGTH} />
      <ReissueRecoveryKey onIssued={setSheet} />
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('language.label')}
        </Title>
        <Group>
          <LanguageSwitch />
        </Group>
      </Card>
    </Stack>
  );
}

function GeneralSettings({ initial }: { initial: Settings }) {
  const { t, i18n } = useTranslation();
  const { reloadSummary, fail } = useLedger();
  const { settingsSaved } = useDirectory();
  const inRange = (b: { min: number; max: number }) => (v: number | string) =>
    typeof v === 'number' && Number.isInteger(v) && v >= b.min && v <= b.max ? null : t('settings.range', b);

  const form = useForm<{ idleMinutes: number | string; passphraseMinLength: number | string }>({
    initialValues: { idleMinutes: initial.idleMinutes, passphraseMinLength: initial.passphraseMinLength },
    validate: { idleMinutes: inRange(IDLE), passphraseMinLength: inRange(MIN_LENGTH) },
  });

  const submit = form.onSubmit(async (v) => {
    const patch = { idleMinutes: Number(v.idleMinutes), passphraseMinLength: Number(v.passphraseMinLength) };
    // Saving what is in force already would only add an empty entry to the audit chain.
    if (patch.idleMinutes === initial.idleMinutes && patch.passphraseMinLength === initial.passphraseMinLength) {
      form.setFieldError('idleMinutes', t('settings.unchanged'));
      return;
    }
    const r = await window.api.settings.update(patch);
    if (!r.ok) {
      if (r.error.code === 'VAULT_LOCKED') fail(r.error);
      else notifyFailure(errorText(i18n, r.error), t('settings.failed'));
      return;
    }
    form.resetDirty(r.value);
    notifySuccess(t('settings.saved'));
    settingsSaved(r.value);
    // The change is audited, so the chain head in the header moves.
    await reloadSummary();
  }, focusFirstError);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('settings.general')}</Title>
          <NumberInput
            label={t('settings.idleMinutes')}
            description={t('settings.idleMinutesHint')}
            min={IDLE.min}
            max={IDLE.max}
            allowDecimal={false}
            allowNegative={false}
            // Out-of-range input gets an explicit error instead of being silently changed.
            clampBehavior="none"
            autoFocus
            {...form.getInputProps('idleMinutes')}
          />
          <NumberInput
            label={t('settings.minLength')}
            description={t('settings.minLengthHint')}
            min={MIN_LENGTH.min}
            max={MIN_LENGTH.max}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('passphraseMinLength')}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ChangePassphrase({ minLength }: { minLength: number }) {
  const { t, i18n } = useTranslation();
  const { reloadSummary, fail } = useLedger();
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (v) => (v.length === 0 ? t('unlock.required', { field: t('settings.current') }) : null),
      next: (v, values) =>
        passphraseProblem(i18n, v, minLength) ??
        (v === values.current ? t('settings.sameAsCurrent') : null),
      confirm: (v, values) => (v !== values.next ? t('passphrase.mismatch') : null),
    },
  });

  const submit = form.onSubmit(async ({ current, next }) => {
    const r = await window.api.vault.changePassphrase({ current, next });
    if (!r.ok) {
      if (r.error.code === 'VAULT_LOCKED') fail(r.error);
      else if (r.error.code === 'WRONG_PASSPHRASE') form.setFieldError('current', errorText(i18n, r.error));
      else if (r.error.code === 'WEAK_PASSPHRASE') form.setFieldError('next', errorText(i18n, r.error));
      else notifyFailure(errorText(i18n, r.error), t('settings.failed'));
      return;
    }
    form.reset();
    notifySuccess(t('settings.changed'));
    await reloadSummary();
  }, focusFirstError);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('settings.changePassphrase')}</Title>
          <SecretInput
            label={t('settings.current')}
            autoComplete="current-password"
            {...form.getInputProps('current')}
          />
          <SecretInput label={t('settings.next')} autoComplete="new-password" {...form.getInputProps('next')} />
          <SecretInput
            label={t('settings.confirm')}
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
          />
          <PassphraseChecklist passphrase={form.values.next} minLength={minLength} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('settings.changeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
