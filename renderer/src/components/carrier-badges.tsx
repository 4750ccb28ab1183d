import { Badge, Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierState } from '../../../src/ledger/carriers/carrier-model';
import type { Level } from '../lib/carrier-enums';

const STATE_COLORS: Record<CarrierState, string> = {
  in_store: 'teal',
  circulating: 'blue',
  lent: 'blue',
  taken_out: 'violet',
  pending_return: 'yellow',
  returned: 'gray',
  archived: 'gray',
  pending_destruction: 'orange',
  destroyed: 'dark',
  declassified: 'gray',
  missing: 'red',
};

/**
 * A state badge. Something out past its date (R-15/R-23/R-26 for carriers, R-35 for media)
 * is red and filled, so it stands out in a list of light badges; the caller's text says so.
 */
export function StatusBadge({ color, overdue = false, children }: { color: string; overdue?: boolean; children: ReactNode }) {
  return (
    <Badge color={overdue ? 'red' : color} variant={overdue ? 'filled' : 'light'} data-overdue={overdue || undefined} data-testid="state-badge">
      {children}
    </Badge>
  );
}

/** 状态 badge of a carrier; an item back late says so. */
export function StateBadge({ state, overdue = false }: { state: CarrierState; overdue?: boolean }) {
  const { t } = useTranslation();
  const label = t(`carrierState.${state}`);
  return (
    <StatusBadge color={STATE_COLORS[state]} overdue={overdue}>
      {overdue ? t('carrier.overdueState', { state: label }) : label}
    </StatusBadge>
  );
}

/** A level's colour wherever it is shown: in a marking, or alone for a device. */
export const LEVEL_COLORS: Record<Level, string> = { juemi: 'red.9', jimi: 'red.7', mimi: 'orange.8', neibu: 'gray.7' };

/** The R-02 marking (机密★10年), coloured by level so the eye finds it first. */
export function Marking({ level, marking, ...rest }: { level: Level; marking: string } & TextProps) {
  return (
    <Text component="span" fw={700} c={LEVEL_COLORS[level]} data-testid="marking" {...rest}>
      {marking}
    </Text>
  );
}
