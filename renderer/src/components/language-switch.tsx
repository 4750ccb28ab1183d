import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, switchLanguage, type Language } from '../i18n/i18n';

export function LanguageSwitch({ withLabel = false }: { withLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const labels: Record<Language, string> = { 'zh-CN': t('language.zh'), en: t('language.en') };
  return (
    <Group gap="xs" justify="center">
      {withLabel && <Text size="sm">{t('language.label')}</Text>}
      <SegmentedControl
        size="xs"
        aria-label={t('language.label')}
        value={currentLanguage(i18n)}
        onChange={(v) => {
          if (isLanguage(v)) void switchLanguage(i18n, v);
        }}
        data={LANGUAGES.map((l) => ({ value: l, label: labels[l] }))}
      />
    </Group>
  );
}
