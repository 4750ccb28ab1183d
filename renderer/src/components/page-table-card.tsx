import { Card, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageTableCardProps<T> {
  /** The card's heading, carrying the count. */
  title: string;
  /** null while still being read: the table's head stands meanwhile, not the empty text. */
  rows: readonly T[] | null;
  /** Shown in place of the table once the read found nothing. */
  empty: string;
  /** The table's accessible name. */
  label: string;
  /** The header cells. */
  head: ReactNode;
  /** One keyed Table.Tr a row. */
  renderRow: (row: T) => ReactNode;
}

/** A list page's card of what has been done so far: a counted heading over a table. */
export function PageTableCard<T>({ title, rows, empty, label, head, renderRow }: PageTableCardProps<T>) {
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {rows && rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Table fz="sm" striped highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{(rows ?? []).map((r) => renderRow(r))}</Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
