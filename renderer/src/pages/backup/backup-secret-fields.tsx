import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretInput } from '../../components/secret-input';

export type SecretKind = 'passphrase' | 'recovery';
export interface SecretValues {
  kind: SecretKind;
  secret: string;
}

/** The form state for opening a backup: with its passphrase or the recovery key. */
export function useSecretForm() {
  const { t } = useTranslation();
  return useForm<SecretValues>({
    mode: 'controlled',
    initialValues: { kind: 'passphrase', secret: '' },
    validate: {
      secret: (v, values) =>
        v ? null : t('backup.secret.required', { field: values.kind === 'recovery' ? t('backup.secret.recoveryLabel') : t('backup.secret.passphraseLabel') }),
    },
  });
}

/**
 * A backup opens with the key slots it carries: the passphrase of its day or the recovery
 * key. The choice is a radio group (arrow keys move it), the secret a masked field.
 */
export function BackupSecretFields({ form }: { form: ReturnType<typeof useSecretForm> }) {
  const { t } = useTranslation();
  const labelId = useId();
  const kind = form.getValues().kind;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={labelId}>
        {t('backup.secret.kind')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        data={[
          { value: 'passphrase', label: t('backup.secret.passphrase') },
          { value: 'recovery', label: t('backup.secret.recovery') },
        ]}
        value={kind}
        onChange={(v) => {
          form.setValues({ kind: v === 'recovery' ? 'recovery' : 'passphrase', secret: '' });
          form.clearErrors();
        }}
      />
      <SecretInput
        key={kind}
        label={kind === 'recovery' ? t('backup.secret.recoveryLabel') : t('backup.secret.passphraseLabel')}
        description={kind === 'recovery' ? t('backup.secret.recoveryHint') : t('backup.secret.passphraseHint')}
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('secret')}
      />
    </Stack>
  );
}
