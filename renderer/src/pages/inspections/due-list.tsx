import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../../../src/ledger/due/due-engine';
import { useDetail } from '../../hooks/use-detail';
import { useLedger } from '../../shell/ledger-context';
import { LinkTo } from './link-to';

const URGENCIES = ['overdue', 'due_soon', 'upcoming'] as const satisfies readonly Urgency[];
const COLORS: Record<Urgency, string> = { overdue: 'red', due_soon: 'orange', upcoming: 'blue' };
const readDue = () => window.api.due.list();

/**
 * 待办: everything due in one list, by urgency (overdue red, due within days orange, then
 * upcoming), each with its date, its rule and a link to the item it concerns.
 */
export function DueList() {
  const { t } = useTranslation();
  const { summary } = useLedger();
  // The chain head moves with every recorded change, and so may what is due.
  const items = useDetail(readDue, summary.chain.head.seq).detail;

  return (
    <Card withBorder data-testid="due-list">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('due.title')}</Title>
        {items && (
          <Group gap={6}>
            {URGENCIES.map((u) => (
              <Badge key={u} color={COLORS[u]} variant={u === 'upcoming' ? 'light' : 'filled'}>
                {t(`due.urgency.${u}`)} {items.filter((i) => i.urgency === u).length}
              </Badge>
            ))}
          </Group>
        )}
      </Group>
      {items && items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('due.none')}
        </Text>
      )}
      <Stack gap="sm">
        {URGENCIES.map((u) => {
          const group = (items ?? []).filter((i) => i.urgency === u);
          if (group.length === 0) return null;
          return (
            <Stack key={u} gap={4} data-testid={`due-${u}`}>
              <Text fw={700} size="sm" c={`${COLORS[u]}.8`}>
                {t(`due.urgency.${u}`)}（{group.length}）
              </Text>
              {group.map((i, n) => (
                <Group
                  key={`${i.kind}:${i.link.type}:${i.link.id}:${n}`}
                  gap="sm"
                  wrap="nowrap"
                  pl="sm"
                  py={2}
                  style={{ borderLeft: `3px solid var(--mantine-color-${COLORS[u]}-6)` }}
                  data-testid="due-item"
                >
                  <Text size="sm" ff="monospace" w={96} c={u === 'overdue' ? 'red.8' : undefined} style={{ flexShrink: 0 }}>
                    {i.dueOn}
                  </Text>
                  <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }} data-testid="due-rule">
                    {i.rule}
                  </Badge>
                  <LinkTo link={i.link}>{i.title}</LinkTo>
                </Group>
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
