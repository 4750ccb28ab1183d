import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPending } from '../../components/detail-pending';
import { PageBack } from '../../components/page-back';
import { useDetail } from '../../hooks/use-detail';
import { useDirectory } from '../../shell/directory';
import { useNavigation } from '../../shell/navigation';
import { DepartureForm } from './departure-form';
import { HoldingsTable } from './holdings-table';
import { PersonStatusBadge } from './person-status';
import { PostForm } from './post-form';

/** One person: post details, what they hold, and 离岗/离职 with the 脱密期. */
export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { people, reloadPeople } = useDirectory();
  const { navigate } = useNavigation();
  const { detail: holdings, load: loadHoldings } = useDetail(useCallback(() => window.api.people.holdings({ personId: id }), [id]));
  const person = people.find((p) => p.id === id);

  const reload = async () => {
    await reloadPeople();
    await loadHoldings();
  };

  if (!person) return <DetailPending error={null} />;

  const carriers = holdings?.filter((h) => h.kind === 'carrier').length ?? 0;
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageBack />
          <Group gap="md">
            <Title order={2} data-testid="person-name">
              {person.name}
            </Title>
            <Text c="dimmed">{[person.department, person.post, t(`clearance.${person.clearance}`)].filter(Boolean).join(' · ')}</Text>
            <PersonStatusBadge person={person} />
          </Group>
        </Stack>
      </Group>

      <PostForm key={`${person.id}:${person.leftOn ?? ''}`} person={person} onSaved={reload} />

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('staff.holdings', { count: holdings?.length ?? 0 })}</Title>
          {carriers > 0 && (
            <Button variant="light" size="xs" onClick={() => navigate({ page: 'handover', fromId: person.id })}>
              {t('departure.toHandover', { count: carriers })}
            </Button>
          )}
        </Group>
        {holdings === null ? (
          <Text c="dimmed">{t('app.loading')}</Text>
        ) : holdings.length === 0 ? (
          <Alert color="gray">{t('staff.noHoldings')}</Alert>
        ) : (
          <HoldingsTable holdings={holdings} label={t('staff.holdingsLabel')} />
        )}
      </Card>

      <DepartureForm key={`${person.id}:${person.leftOn ?? ''}:${person.leaveKind ?? ''}`} person={person} onLeft={reload} />
    </Stack>
  );
}
