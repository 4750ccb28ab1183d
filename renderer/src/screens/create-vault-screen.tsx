import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateVaultResult } from '../../../src/api/types';
import { LanguageSwitch } from '../components/language-switch';
import { PassphraseChecklist, passphraseProblem } from '../components/passphrase-checklist';
import { SecretInput } from '../components/secret-input';
import { errorText } from '../lib/errors';
import { focusFirstError } from '../lib/focus-first-error';

interface CreateVaultScreenProps {
  passphraseMinLength: number;
  /** Told before the call, so the app keeps this screen while main already reports 'unlocked'. */
  onCreating: (creating: boolean) => void;
  onCreated: (result: CreateVaultResult) => void;
}

export function CreateVaultScreen({ passphraseMinLength, onCreating, onCreated }: CreateVaultScreenProps) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const required = (field: string) => (v: string) =>
    v.trim().length === 0 ? t('create.required', { field: t(field) }) : null;

  const form = useForm({
    mode: 'controlled',
    initialValues: { unitName: '', officerName: '', passphrase: '', confirm: '' },
    validate: {
      unitName: required('create.unitName'),
      officerName: required('create.officerName'),
      passphrase: (v) => passphraseProblem(i18n, v, passphraseMinLength),
      confirm: (v, values) => (v !== values.passphrase ? t('passphrase.mismatch') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    onCreating(true);
    try {
      const r = await window.api.vault.create({
        unitName: values.unitName.trim(),
        officerName: values.officerName.trim(),
        passphrase: values.passphrase,
      });
      if (r.ok) {
        onCreated(r.value);
        return;
      }
      setError(errorText(i18n, r.error));
    } finally {
      onCreating(false);
    }
  }, focusFirstError);

  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={520} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Text size="sm" c="dimmed">
                {t('app.title')}
              </Text>
              <Title order={2}>{t('create.title')}</Title>
            </div>
            <Text size="sm">{t('create.intro')}</Text>
            <TextInput
              label={t('create.unitName')}
              autoFocus
              maxLength={100}
              {...form.getInputProps('unitName')}
            />
            <TextInput
              label={t('create.officerName')}
              maxLength={50}
              {...form.getInputProps('officerName')}
            />
            <SecretInput
              label={t('create.passphrase')}
              autoComplete="new-password"
              {...form.getInputProps('passphrase')}
            />
            <SecretInput
              label={t('create.confirm')}
              autoComplete="new-password"
              {...form.getInputProps('confirm')}
            />
            <PassphraseChecklist passphrase={form.values.passphrase} minLength={passphraseMinLength} />
            {error && (
              <Alert color="red" role="alert" title={t('create.failed')}>
                {error}
              </Alert>
            )}
            <Button type="submit" loading={form.submitting}>
              {t('create.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
