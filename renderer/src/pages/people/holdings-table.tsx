import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Holding } from '../../../../src/ledger/people/departure';
import { LinkTo } from '../inspections/link-to';

/** What a person still holds: carriers in custody or on loan, media and computers assigned. */
export function HoldingsTable({ holdings, label }: { holdings: readonly Holding[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Table fz="sm" striped aria-label={label} data-testid="holdings-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('staff.holding.kind')}</Table.Th>
          <Table.Th w={150}>{t('staff.holding.number')}</Table.Th>
          <Table.Th>{t('staff.holding.title')}</Table.Th>
          <Table.Th w={70}>{t('staff.holding.level')}</Table.Th>
          <Table.Th w={110}>{t('staff.holding.how')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {holdings.map((h) => (
          <Table.Tr key={`${h.kind}:${h.id}`}>
            <Table.Td>{t(`staff.holdingKind.${h.kind}`)}</Table.Td>
            <Table.Td>
              <LinkTo link={{ type: h.kind, id: h.id }} mono>
                {h.number}
              </LinkTo>
            </Table.Td>
            <Table.Td>{h.title || '—'}</Table.Td>
            <Table.Td>{t(`level.${h.level}`, { defaultValue: h.level })}</Table.Td>
            <Table.Td>{t(`staff.holdingHow.${h.how}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
