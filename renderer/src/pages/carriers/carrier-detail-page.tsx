import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionToolbar } from '../../components/action-toolbar';
import { Marking, StateBadge } from '../../components/carrier-badges';
import { DetailPending } from '../../components/detail-pending';
import { PageBack } from '../../components/page-back';
import { useDetail } from '../../hooks/use-detail';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { ActionDialog, type OpenAction } from './actions/action-dialog';
import { actionsFor, canCorrect, type ActionId } from './actions/action-availability';
import { CarrierFields } from './carrier-fields';
import { summaryOf } from './carrier-table';
import { CarrierTimeline } from './carrier-timeline';

/** Actions that end or narrow the item's life are set apart in red. */
const GRAVE: ReadonlySet<ActionId> = new Set(['destroy', 'requestDestruction', 'reportLost', 'returnToIssuer']);

/** One carrier: its marking first, every field, its links, R-30 status, actions and timeline. */
export function CarrierDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { detail, loadError, load } = useDetail(useCallback(() => window.api.carriers.detail({ id }), [id]));
  const [open, setOpen] = useState<OpenAction | null>(null);

  if (!detail) return <DetailPending error={loadError} />;

  const c = detail.carrier;
  const actions = actionsFor(c.state);
  const start = (a: ActionId) => {
    if (a === 'destroy') navigate({ page: 'destroy', items: [summaryOf(c)] });
    else setOpen({ kind: 'action', id: a });
  };
  const done = async () => {
    const label = open?.kind === 'correct' ? t('actions.correct') : open ? t(`actions.${open.id}`) : '';
    setOpen(null);
    notifySuccess(t('actions.recorded', { action: label, number: c.number }));
    await load();
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <PageBack />
          <Group gap="md" align="center">
            <Marking level={c.level} marking={c.marking} fz={28} data-testid="detail-marking" />
            <Title order={2} data-testid="detail-title">
              {c.title}
            </Title>
          </Group>
          <Group gap="sm">
            <Text ff="monospace" fw={600} data-testid="detail-number">
              {c.number}
            </Text>
            <StateBadge state={c.state} overdue={c.overdue} />
          </Group>
        </Stack>
      </Group>

      {detail.leak && (
        <Alert color="red" title={t('detail.leakTitle')} data-testid="leak-status">
          <Stack gap={2}>
            <Text size="sm">{t('detail.leakLost', { date: detail.leak.lostOn })}</Text>
            <Text size="sm">{t('detail.leakDeadline', { date: detail.leak.deadline })}</Text>
            {detail.leak.treatedAsLeak && (
              <Text size="sm" fw={700}>
                {t('detail.leakTreated')}
              </Text>
            )}
            <Text size="sm">{t('detail.leakInvestigation', { date: detail.leak.investigationDue })}</Text>
          </Stack>
        </Alert>
      )}

      <ActionToolbar
        actions={actions}
        grave={GRAVE}
        labelOf={(a) => t(`actions.${a}`)}
        none={t('detail.noActions', { state: t(`carrierState.${c.state}`) })}
        onStart={start}
      />

      <CarrierFields detail={detail} />

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('detail.timeline')}
        </Title>
        <CarrierTimeline
          timeline={detail.timeline}
          onCorrect={canCorrect(c.state) ? (entry) => setOpen({ kind: 'correct', entry }) : null}
        />
      </Card>

      <ActionDialog carrier={c} open={open} onClose={() => setOpen(null)} onDone={() => void done()} />
    </Stack>
  );
}
