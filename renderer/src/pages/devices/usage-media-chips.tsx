import { Chip, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComputerDetail } from '../../../../src/ledger/devices/device-queries';

interface UsageMediaChipsProps {
  media: ComputerDetail['boundMedia'];
  value: string[];
  onChange: (ids: string[]) => void;
}

/** 使用介质 of a session: only media bound to the computer are offered, as R-36 allows no other. */
export function UsageMediaChips({ media, value, onChange }: UsageMediaChipsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm">{t('computers.usage.media')}</Text>
      {media.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('computers.usage.noBoundMedia')}
        </Text>
      ) : (
        <Chip.Group multiple value={value} onChange={onChange}>
          <Group gap={4} role="group" aria-label={t('computers.usage.media')}>
            {media.map((m) => (
              <Chip key={m.id} value={m.id} size="xs">
                {m.number}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
    </Group>
  );
}
