import { Badge, Text, type TextProps } from '@mantine/core';
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

/** 状态 badge; an item back late is red and says so. */
export function StateBadge({ state, overdue = false }: { state: CarrierState; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={overdue ? 'red' : STATE_COLORS[state]}
      variant={overdue ? 'filled' : 'light'}
      data-overdue={overdue || undefined}
      data-testid="state-badge"
    >
      {overdue ? t('carrier.overdueState', { state: t(`carrierState.${state}`) }) : t(`carrierState.${state}`)}
    </Badge>
  );
}

const LEVEL_COLORS: Record<Level, string> = { juemi: 'red.9', jimi: 'red.7', mimi: 'orange.8', neibu: 'gray.7' };

/** The R-02 marking (机密★10年), coloured by level so the eye finds it first. */
export function Marking({ level, marking, ...rest }: { level: Level; marking: string } & TextProps) {
  return (
    <Text component="span" fw={700} c={LEVEL_COLORS[level]} data-testid="marking" {...rest}>
      {marking}
    </Text>
  );
}
