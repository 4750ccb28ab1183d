import { Alert, Card, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionToolbar } from '../../components/action-toolbar';
import { DetailPending } from '../../components/detail-pending';
import { useDetail } from '../../hooks/use-detail';
import { notifySuccess } from '../../lib/notify';
import { ComputerActionDialog } from './computer-action-dialog';
import { ComputerFields } from './computer-fields';
import { ComputerStateBadge } from './device-badges';
import { DeviceDetailHeader } from './device-detail-header';
import { computerActionsFor, type ComputerAction } from './device-enums';
import { DeviceTimeline } from './device-timeline';
import { MissingUsageDays, UsageBook } from './usage-book';
import { UsageQuickEntry } from './usage-quick-entry';

/** Actions that end or suspend the computer's service are set apart in red. */
const GRAVE: ReadonlySet<ComputerAction> = new Set(['disable', 'requestScrap', 'destroy']);

/** One designated computer: its level first, the desk-side usage entry, actions, record and book. */
export function ComputerDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  // `version` moves on every reload so the usage book and missing days are read again.
  const { detail, loadError, load, version } = useDetail(useCallback(() => window.api.computers.detail({ id }), [id]));
  const [action, setAction] = useState<ComputerAction | null>(null);

  if (!detail) return <DetailPending error={loadError} />;

  const c = detail.computer;
  // Nothing is above 绝密: 升级密级 is not offered there.
  const actions = computerActionsFor(c.state).filter((a) => a !== 'raiseLevel' || c.level !== 'juemi');
  const done = async () => {
    const label = action ? t(`computers.action.${action}`) : '';
    setAction(null);
    notifySuccess(t('actions.recorded', { action: label, number: c.number }));
    await load();
  };

  return (
    <Stack>
      <DeviceDetailHeader level={c.level} number={c.number}>
        <ComputerStateBadge state={c.state} />
        <Text c="dimmed">
          {[t(`devices.computerKind.${c.kind}`), c.model, c.location].filter(Boolean).join(' · ')}
        </Text>
      </DeviceDetailHeader>

      {c.state === 'pending' && <Alert color="yellow">{t('computers.pendingHint')}</Alert>}
      {c.passwordOverdue && (
        <Alert color="red" data-testid="password-overdue">
          {c.passwordChangedOn ? t('computers.passwordOverdueAlert', { due: c.passwordDueOn }) : t('computers.passwordNeverAlert')}
        </Alert>
      )}

      {c.state === 'in_use' && <UsageQuickEntry detail={detail} onDone={() => void load()} />}

      <ActionToolbar
        actions={actions}
        grave={GRAVE}
        labelOf={(a) => t(`computers.action.${a}`)}
        none={t('computers.noActions', { state: t(`devices.computerState.${c.state}`) })}
        onStart={setAction}
      />

      <ComputerFields detail={detail} />

      <Card withBorder>
        <Tabs defaultValue="timeline" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="timeline">{t('detail.timeline')}</Tabs.Tab>
            <Tabs.Tab value="book">{t('computers.book.title')}</Tabs.Tab>
            <Tabs.Tab value="missing">{t('computers.missing.title')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="timeline" pt="sm">
            <DeviceTimeline entity="computer" timeline={detail.timeline} />
          </Tabs.Panel>
          <Tabs.Panel value="book" pt="sm">
            <UsageBook computer={c} version={version} />
          </Tabs.Panel>
          <Tabs.Panel value="missing" pt="sm">
            <MissingUsageDays computer={c} version={version} />
          </Tabs.Panel>
        </Tabs>
      </Card>

      <ComputerActionDialog detail={detail} action={action} onClose={() => setAction(null)} onDone={() => void done()} />
    </Stack>
  );
}
