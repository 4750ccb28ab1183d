import { Anchor, Group, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierDetail } from '../../../../src/ledger/carriers/carrier-queries';
import { useNavigation } from '../../shell/navigation';

/** Every field of the record, in the order of the paper 收文登记簿, in two columns. */
export function CarrierFields({ detail }: { detail: CarrierDetail }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const c = detail.carrier;
  const parent = detail.parent;
  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const left: [string, ReactNode][] = [
    ['number', <Text key="n" ff="monospace" fz="sm">{c.number}</Text>],
    ['receiptNo', dash(c.receiptNo)],
    ['dispatchNo', dash(c.dispatchNo)],
    ['docNo', dash(c.docNo)],
    ['title', c.title],
    ['carrierType', t(`carrierType.${c.carrierType}`)],
    ['issuer', dash(c.issuer)],
    ['source', t(`source.${c.source}`)],
    ['receivedOn', c.receivedOn],
    ['scope', dash(c.scope)],
    ['copies', String(c.copies)],
    ['copyNumbers', dash(c.copyNumbers)],
    ['pages', dash(c.pages)],
  ];
  const right: [string, ReactNode][] = [
    ['marking', c.marking],
    ['classifiedOn', c.classifiedOn],
    ['expiresOn', c.expiresOn ?? (c.term?.kind === 'long' ? t('carriers.longTerm') : '—')],
    ['classifier', dash(c.classifier)],
    ['classifyBasis', dash(c.classifyBasis)],
    ['custodian', dash(c.custodianName)],
    ['holder', dash(c.holderName)],
    ['dueOn', c.dueOn ? (c.overdue ? t('detail.overdueSince', { date: c.dueOn }) : c.dueOn) : '—'],
    ['cabinet', dash(c.cabinetName)],
    ['capacity', dash(c.capacity)],
    [
      'parent',
      parent ? (
        <Anchor key="p" component="button" fz="sm" onClick={() => navigate({ page: 'carrier', id: parent.id })}>
          {parent.number}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    [
      'copiesMade',
      detail.copies.length ? (
        <Group key="c" gap="xs">
          {detail.copies.map((k) => (
            <Anchor key={k.id} component="button" fz="sm" onClick={() => navigate({ page: 'carrier', id: k.id })}>
              {k.number}
              {k.copyNumbers ? `（${k.copyNumbers}）` : ''}
            </Anchor>
          ))}
        </Group>
      ) : (
        '—'
      ),
    ],
    ['note', dash(c.note)],
  ];
  const table = (rows: [string, ReactNode][], testId: string) => (
    <Table variant="vertical" layout="fixed" fz="sm" withTableBorder data-testid={testId}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={110}>{t(`carrier.${k}`)}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }} c={k === 'dueOn' && c.overdue ? 'red.8' : undefined}>
              {v}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {table(left, 'carrier-fields-left')}
      {table(right, 'carrier-fields-right')}
    </SimpleGrid>
  );
}
