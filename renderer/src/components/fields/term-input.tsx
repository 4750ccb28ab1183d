import { TextInput, type TextInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../src/api/types';
import { DEFAULT_MAX_TERM_YEARS, defaultTerm, formatMarking } from '../../../../src/ledger/classification/term';
import { LEVEL_LABELS, type Level } from '../../lib/carrier-enums';
import { parseTermText } from '../../lib/term-text';
import { useDirectory } from '../../shell/directory';

/** the unit's maximum terms (their settings), or the defaults before they have loaded. */
export const maxTermYears = (settings: Settings | null): Record<Exclude<Level, 'neibu'>, number> =>
  settings
    ? { juemi: settings.maxTermYearsJuemi, jimi: settings.maxTermYearsJimi, mimi: settings.maxTermYearsMimi }
    : DEFAULT_MAX_TERM_YEARS;

/** The validation message for a typed term, or null; blank is fine (the maximum applies). */
export const termRule =
  (t: TFunction, settings: Settings | null) =>
  (text: string, level: Level | ''): string | null => {
    const parsed = parseTermText(text);
    if (!parsed.ok) return t(`term.problem.${parsed.problem}`);
    const term = parsed.term;
    if (term?.kind === 'years' && level && level !== 'neibu') {
      const max = maxTermYears(settings)[level];
      if (term.value > max) return t('term.overMax', { level: LEVEL_LABELS[level], max });
    }
    return null;
  };

/** What the item will be marked with, as the officer types the term. */
export function markingPreview(t: TFunction, settings: Settings | null, level: Level | '', text: string): string {
  if (!level) return '';
  const parsed = parseTermText(text);
  if (!parsed.ok) return '';
  if (parsed.term) return t('term.preview', { marking: formatMarking(level, parsed.term) });
  const fallback = defaultTerm(level, maxTermYears(settings));
  return fallback
    ? t('term.previewDefault', { marking: formatMarking(level, fallback) })
    : t('term.preview', { marking: formatMarking(level, null) });
}

/**
 * 保密期限 as written on the item: `10年`, `6个月`, `长期` or a condition (`至项目验收`);
 * blank means the level's maximum. The marking it gives is shown underneath.
 */
export function TermInput({ level, ...props }: TextInputProps & { level: Level | '' }) {
  const { t } = useTranslation();
  const { settings } = useDirectory();
  const value = typeof props.value === 'string' ? props.value : '';
  return (
    <TextInput
      placeholder={t('term.placeholder')}
      maxLength={62}
      description={props.error ? undefined : markingPreview(t, settings, level, value) || t('term.hint')}
      {...props}
    />
  );
}
