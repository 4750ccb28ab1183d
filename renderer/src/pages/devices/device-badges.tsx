import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComputerState, MediumState } from '../../../../src/ledger/devices/device-model';
import { LEVEL_COLORS, StatusBadge } from '../../components/carrier-badges';
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
  return <StatusBadge color={COMPUTER_COLORS[state]}>{t(`devices.computerState.${state}`)}</StatusBadge>;
}

/** A medium out past its date (loan or trip, R-35) says so. */
export function MediumStateBadge({ state, overdue = false }: { state: MediumState; overdue?: boolean }) {
  const { t } = useTranslation();
  const label = t(`devices.mediumState.${state}`);
  return (
    <StatusBadge color={MEDIUM_COLORS[state]} overdue={overdue}>
      {overdue ? t('devices.overdueState', { state: label }) : label}
    </StatusBadge>
  );
}

/** A device has a level but no term: the level alone, coloured like a marking. */
export function LevelText({ level, ...rest }: { level: Level } & TextProps) {
  const { t } = useTranslation();
  return (
    <Text component="span" fw={700} c={LEVEL_COLORS[level]} data-testid="level" {...rest}>
      {t(`level.${level}`)}
    </Text>
  );
}
