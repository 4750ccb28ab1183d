import { Badge, Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComputerState, MediumState } from '../../../../src/ledger/devices/device-model';
import type { Level } from '../../lib/carrier-enums';

const COMPUTER_COLORS: Record<ComputerState, string> = {
  pending: 'yellow',
  in_use: 'teal',
  disabled: 'gray',
  repair: 'orange',
  pending_scrap: 'orange',
  destroyed: 'dark',
};

const MEDIUM_COLORS: Record<MediumState, string> = {
  registered: 'yellow',
  in_use: 'teal',
  lent: 'blue',
  taken_out: 'violet',
  repair: 'orange',
  pending_destruction: 'orange',
  destroyed: 'dark',
  lost: 'red',
};

export function ComputerStateBadge({ state }: { state: ComputerState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COMPUTER_COLORS[state]} variant="light" data-testid="state-badge">
      {t(`devices.computerState.${state}`)}
    </Badge>
  );
}

/** A medium out past its date (loan or trip, R-35) is red and says so. */
export function MediumStateBadge({ state, overdue = false }: { state: MediumState; overdue?: boolean }) {
  const { t } = useTranslation();
  const label = t(`devices.mediumState.${state}`);
  return (
    <Badge
      color={overdue ? 'red' : MEDIUM_COLORS[state]}
      variant={overdue ? 'filled' : 'light'}
      data-overdue={overdue || undefined}
      data-testid="state-badge"
    >
      {overdue ? t('devices.overdueState', { state: label }) : label}
    </Badge>
  );
}

const LEVEL_COLORS: Record<Level, string> = { juemi: 'red.9', jimi: 'red.7', mimi: 'orange.8', neibu: 'gray.7' };

/** A device has a level but no term: the level alone, coloured like a marking. */
export function LevelText({ level, ...rest }: { level: Level } & TextProps) {
  const { t } = useTranslation();
  return (
    <Text component="span" fw={700} c={LEVEL_COLORS[level]} data-testid="level" {...rest}>
      {t(`level.${level}`)}
    </Text>
  );
}
