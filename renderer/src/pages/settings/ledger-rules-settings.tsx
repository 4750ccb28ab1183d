import { Button, Card, Group, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../src/api/types';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { wholeNumber } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { useDirectory } from '../../shell/directory';

/** The unit-adjustable ledger rules of settings:update, with the contract's bounds. */
const NUMBERS = {
  maxLoanDays: { min: 1, max: 366 },
  maxCirculationDays: { min: 1, max: 31 },
  reviewWarningDays: { min: 1, max: 365 },
  maxTermYearsJuemi: { min: 1, max: 30 },
  maxTermYearsJimi: { min: 1, max: 20 },
  maxTermYearsMimi: { min: 1, max: 10 },
  seqDigits: { min: 1, max: 8 },
} as const;
type NumberKey = keyof typeof NUMBERS;

const PATTERNS = ['carrierNumberPattern', 'receiptNumberPattern', 'dispatchNumberPattern'] as const;
type PatternKey = (typeof PATTERNS)[number];

type RuleValues = Record<NumberKey, number | string> & Record<PatternKey, string>;

/**
 * A numbering pattern takes {year} and {seq}: without {seq} every number would be the same,
 * and without {year} each new year would repeat the last one's, as the sequence restarts.
 */
const patternRule = (t: TFunction) => (v: string) => {
  const s = v.trim();
  if (s === '' || s.length > 40) return t('rules.patternLength');
  if (!s.includes('{seq}')) return t('rules.patternSeq');
  return s.includes('{year}') ? null : t('rules.patternYear');
};

/** `ZT-{year}-{seq}` with 4 digits → `ZT-2026-0001`, as the next number would look. */
export const patternExample = (pattern: string, digits: number, year: number): string =>
  pattern.replaceAll('{year}', String(year)).replaceAll('{seq}', '1'.padStart(Math.max(1, Math.min(8, digits || 1)), '0'));

export function LedgerRulesSettings({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const { settingsSaved } = useDirectory();
  const { run, error, busy } = useMutation();
  const pick = (s: Settings): RuleValues => ({
    maxLoanDays: s.maxLoanDays,
    maxCirculationDays: s.maxCirculationDays,
    reviewWarningDays: s.reviewWarningDays,
    maxTermYearsJuemi: s.maxTermYearsJuemi,
    maxTermYearsJimi: s.maxTermYearsJimi,
    maxTermYearsMimi: s.maxTermYearsMimi,
    seqDigits: s.seqDigits,
    carrierNumberPattern: s.carrierNumberPattern,
    receiptNumberPattern: s.receiptNumberPattern,
    dispatchNumberPattern: s.dispatchNumberPattern,
  });
  const numberRules = Object.fromEntries(
    (Object.keys(NUMBERS) as NumberKey[]).map((k) => [k, wholeNumber(t, t(`rules.${k}`), NUMBERS[k].min, NUMBERS[k].max)]),
  ) as Record<NumberKey, (v: unknown) => string | null>;
  const form = useForm<RuleValues>({
    initialValues: pick(initial),
    validate: {
      ...numberRules,
      carrierNumberPattern: patternRule(t),
      receiptNumberPattern: patternRule(t),
      dispatchNumberPattern: patternRule(t),
    },
  });

  const submit = form.onSubmit(async (v) => {
    const numbers = Object.fromEntries((Object.keys(NUMBERS) as NumberKey[]).map((k) => [k, Number(v[k])])) as Record<NumberKey, number>;
    const patch = {
      ...numbers,
      carrierNumberPattern: v.carrierNumberPattern.trim(),
      receiptNumberPattern: v.receiptNumberPattern.trim(),
      dispatchNumberPattern: v.dispatchNumberPattern.trim(),
    };
    // Saving what is in force already would only add an empty entry to the audit chain.
    const stored = pick(initial);
    if ((Object.keys(patch) as (keyof typeof patch)[]).every((k) => patch[k] === stored[k])) {
      form.setFieldError('maxLoanDays', t('settings.unchanged'));
      return;
    }
    const done = await run(() => window.api.settings.update(patch));
    if (!done) return;
    form.setValues(pick(done.value));
    form.resetDirty(pick(done.value));
    notifySuccess(t('settings.saved'));
    settingsSaved(done.value);
  }, focusFirstError);

  const num = (k: NumberKey) => (
    <NumberInput
      key={k}
      label={t(`rules.${k}`)}
      description={t(`rules.${k}Hint`)}
      min={NUMBERS[k].min}
      max={NUMBERS[k].max}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      {...form.getInputProps(k)}
    />
  );
  const year = new Date().getFullYear();
  const digits = Number(form.values.seqDigits);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('rules.title')}>
        <Stack>
          <Title order={4}>{t('rules.title')}</Title>
          <SimpleGrid cols={3}>
            {num('maxLoanDays')}
            {num('maxCirculationDays')}
            {num('reviewWarningDays')}
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {num('maxTermYearsJuemi')}
            {num('maxTermYearsJimi')}
            {num('maxTermYearsMimi')}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            {PATTERNS.map((k) => (
              <TextInput
                key={k}
                label={t(`rules.${k}`)}
                description={
                  form.errors[k] ? undefined : t('rules.patternExample', { example: patternExample(form.values[k], digits, year) })
                }
                maxLength={40}
                ff="monospace"
                {...form.getInputProps(k)}
              />
            ))}
            {num('seqDigits')}
          </SimpleGrid>
          <FormError error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('rules.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
