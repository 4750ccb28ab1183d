import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageBack } from '../../components/page-back';
import type { Level } from '../../lib/carrier-enums';
import { LevelText } from './device-badges';

interface DeviceDetailHeaderProps {
  level: Level;
  number: string;
  /** The state badge and whatever else the page shows beside the number. */
  children: ReactNode;
}

/** The level comes first and large, as on the device's label, so it is read before anything else. */
export function DeviceDetailHeader({ level, number, children }: DeviceDetailHeaderProps) {
  return (
    <Stack gap={4}>
      <PageBack />
      <Group gap="md" align="center">
        <LevelText level={level} fz={28} data-testid="detail-level" />
        <Title order={2} ff="monospace" data-testid="detail-number">
          {number}
        </Title>
        {children}
      </Group>
    </Stack>
  );
}
