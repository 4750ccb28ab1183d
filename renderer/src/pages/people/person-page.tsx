import { Alert, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holding } from '../../../../src/ledger/people/departure';
import { PageBack } from '../../components/page-back';
import { useDirectory } from '../../shell/directory';
import { useLedger } from '../../shell/ledger-context';
import { useNavigation } from '../../shell/navigation';
import { DepartureForm } from './departure-form';
import { HoldingsTable } from './holdings-table';
import { PersonStatusBadge } from './person-status';
import { PostForm } from './post-form';

/** One person: post details, what they hold, and 离岗/离职 with the 脱密期. */
export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { people, reloadPeople } = useDirectory();
  const { fail } = useLedger();
  const { navigate } = useNavigation();
  const [holdings, setHoldings] = useState<Holding[] | null>(null);
  const person = people.find((p) => p.id === id);

  const loadHoldings = useCallback(async () => {
    const r = await window.api.people.holdings({ personId: id });
    if (r.ok) setHoldings(r.value);
    else fail(r.error);
  }, [id, fail]);

  useEffect(() => {
    void loadHoldings();
  }, [loadHoldings]);

  const reload = async () => {
    await reloadPeople();
    await loadHoldings();
  };

  if (!person) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }

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
