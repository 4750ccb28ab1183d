import { List, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  describeMissingZh,
  missingRequirements,
  type PassphraseRequirement,
} from '../../../src/vault/passphrase-policy';
import { isChinese } from '../i18n/i18n';

const ALL: PassphraseRequirement[] = ['length', 'upper', 'lower', 'digit', 'symbol'];

/**
 * The sentence naming what is missing, or null when R-10 is met. In Chinese it is the
 * core's own sentence, so the form and a WEAK_PASSPHRASE error read the same.
 */
export function passphraseProblem(i18n: I18n, passphrase: string, minLength: number): string | null {
  const missing = missingRequirements(passphrase, minLength);
  if (missing.length === 0) return null;
  if (isChinese(i18n)) return describeMissingZh(missing, minLength);
  const list = missing
    .map((m) => i18n.t(`passphrase.req.${m}`, { min: minLength }))
    .join(i18n.t('passphrase.listSeparator'));
  return i18n.t('passphrase.missing', { list });
}

interface PassphraseChecklistProps {
  passphrase: string;
  minLength: number;
}

export function PassphraseChecklist({ passphrase, minLength }: PassphraseChecklistProps) {
  const { t, i18n } = useTranslation();
  const missing = new Set(missingRequirements(passphrase, minLength));
  const problem = passphraseProblem(i18n, passphrase, minLength);
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm" fw={600}>
        {t('passphrase.checklistTitle')}
      </Text>
      <List size="sm" spacing={2} listStyleType="none" aria-label={t('passphrase.checklistTitle')}>
        {ALL.map((req) => {
          const met = !missing.has(req);
          return (
            <List.Item key={req} data-requirement={req} data-met={met} c={met ? 'teal.8' : 'red.8'}>
              <span aria-hidden="true">{met ? '✓ ' : '✗ '}</span>
              {t(`passphrase.req.${req}`, { min: minLength })}
              <VisuallyHidden>（{met ? t('passphrase.met') : t('passphrase.unmet')}）</VisuallyHidden>
            </List.Item>
          );
        })}
      </List>
      {passphrase.length > 0 && (
        <Text size="sm" c={problem ? 'red.8' : 'teal.8'} data-testid="passphrase-summary">
          {problem ?? t('passphrase.allMet')}
        </Text>
      )}
    </Stack>
  );
}
