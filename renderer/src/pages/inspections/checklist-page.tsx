import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TEMPLATE_ITEMS, DEFAULT_TEMPLATE_NAME } from '../../../../src/ledger/inspections/default-template';
import { DetailPending } from '../../components/detail-pending';
import { PageBack } from '../../components/page-back';
import { useDetail } from '../../hooks/use-detail';
import { formatDateTime } from '../../lib/format';
import { ChecklistEditor } from './checklist-editor';
import { GROUPS } from './groups';

const FAMILY = 'monthly';
const readTemplates = () => window.api.templates.list();

/**
 * 检查表模板: the current version of the monthly checklist, and an editable copy (items
 * added, removed, reworded, given points) saved as the next version. Runs keep the
 * version they were created on, so a change applies from the next month's run.
 */
export function ChecklistPage() {
  const { t, i18n } = useTranslation();
  const { detail: templates, loadError, load } = useDetail(readTemplates);
  const [editing, setEditing] = useState(false);

  if (!templates) return <DetailPending error={loadError} />;

  const versions = templates.filter((v) => v.family === FAMILY).sort((a, b) => b.version - a.version);
  // Until the first run (or save) the core has not written version 1: the default is shown.
  const current = versions[0] ?? null;
  const name = current?.name ?? DEFAULT_TEMPLATE_NAME;
  const items = current?.items ?? DEFAULT_TEMPLATE_ITEMS;
  const points = items.reduce((s, i) => s + i.points, 0);

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageBack />
          <Title order={2}>{t('checklist.title')}</Title>
        </Stack>
      </Group>
      <Card withBorder>
        <Group justify="space-between">
          <Stack gap={2}>
            <Group gap="sm">
              <Text fw={600} data-testid="checklist-name">
                {name}
              </Text>
              <Badge variant="light" data-testid="checklist-version">
                {current ? t('checklist.version', { version: current.version }) : t('checklist.defaultUnused')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('checklist.facts', { count: items.length, points })}
              {current && ` · ${t('checklist.savedAt', { at: formatDateTime(current.createdAt, i18n.language) })}`}
            </Text>
          </Stack>
          {!editing && <Button onClick={() => setEditing(true)}>{t('checklist.edit')}</Button>}
        </Group>
      </Card>

      {editing ? (
        <ChecklistEditor
          name={name}
          items={items}
          onCancel={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            await load();
          }}
        />
      ) : (
        GROUPS.map((g) => {
          const inGroup = items.filter((i) => i.group === g);
          if (inGroup.length === 0) return null;
          return (
            <Card withBorder key={g}>
              <Title order={5} mb="xs">
                {t(`inspection.groups.${g}`)}
              </Title>
              <Table fz="sm" striped aria-label={t(`inspection.groups.${g}`)}>
                <Table.Tbody>
                  {inGroup.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td w={60} ff="monospace">
                        {i.id}
                      </Table.Td>
                      <Table.Td>{i.text}</Table.Td>
                      <Table.Td w={90}>{i.points > 0 ? t('checklist.pointsValue', { count: i.points }) : ''}</Table.Td>
                      <Table.Td w={90}>
                        {i.evidence && (
                          <Badge size="xs" variant="light" color="gray">
                            {t('checklist.prefilled')}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          );
        })
      )}

      {versions.length > 1 && (
        <Alert color="gray" title={t('checklist.history')}>
          <Stack gap={2}>
            {versions.map((v) => (
              <Text key={v.id} size="sm">
                {t('checklist.historyLine', { version: v.version, name: v.name, count: v.items.length, at: formatDateTime(v.createdAt, i18n.language) })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
