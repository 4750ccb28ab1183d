import { Button, Group, Loader, Modal, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<Row extends { id: string; number: string }> {
  /** i18n namespace of the page: title, total, empty, tableLabel, col.*, register.title. */
  ns: 'computers' | 'media';
  /** Prefix of the test ids: `<testId>-total`, `<testId>-table`. */
  testId: string;
  rows: Row[] | null;
  columns: readonly string[];
  open(row: Row): void;
  /** The cells after the number cell, in `columns` order. */
  cells(row: Row): ReactNode;
  modalSize: number;
  registerForm(close: () => void): ReactNode;
}

/**
 * The frame of the two device ledgers: title and count, the register button and dialog, and
 * a table whose rows open the item by click or Enter.
 */
export function DeviceListFrame<Row extends { id: string; number: string }>(p: Props<Row>) {
  const { t } = useTranslation();
  const [registering, setRegistering] = useState(false);
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: Row) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) p.open(row);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t(`${p.ns}.title`)}</Title>
          {p.rows === null ? (
            <Loader size="xs" aria-label={t('app.loading')} />
          ) : (
            <Text c="dimmed" data-testid={`${p.testId}-total`}>
              {t(`${p.ns}.total`, { count: p.rows.length })}
            </Text>
          )}
        </Group>
        <Button onClick={() => setRegistering(true)}>{t(`${p.ns}.register.title`)}</Button>
      </Group>

      {p.rows?.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {t(`${p.ns}.empty`)}
        </Text>
      ) : (
        <Table striped highlightOnHover withTableBorder fz="sm" aria-label={t(`${p.ns}.tableLabel`)} data-testid={`${p.testId}-table`}>
          <Table.Thead>
            <Table.Tr>
              {p.columns.map((c) => (
                <Table.Th key={c}>{t(`${p.ns}.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(p.rows ?? []).map((row) => (
              <Table.Tr key={row.id} tabIndex={0} data-number={row.number} style={{ cursor: 'pointer' }} onClick={() => p.open(row)} onKeyDown={(e) => onKey(e, row)}>
                <Table.Td>
                  <UnstyledButton
                    ff="monospace"
                    fw={600}
                    fz="sm"
                    onClick={(e) => {
                      // The row opens it too: one navigation, not two.
                      e.stopPropagation();
                      p.open(row);
                    }}
                  >
                    {row.number}
                  </UnstyledButton>
                </Table.Td>
                {p.cells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={registering} onClose={() => setRegistering(false)} size={p.modalSize} title={t(`${p.ns}.register.title`)} closeOnClickOutside={false}>
        {p.registerForm(() => setRegistering(false))}
      </Modal>
    </Stack>
  );
}
