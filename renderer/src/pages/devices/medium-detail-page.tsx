import { Alert, Anchor, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionToolbar } from '../../components/action-toolbar';
import { DetailPending } from '../../components/detail-pending';
import { useDetail } from '../../hooks/use-detail';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { FieldTables } from './computer-fields';
import { LevelText, MediumStateBadge } from './device-badges';
import { DeviceDetailHeader } from './device-detail-header';
import { mediumActionsFor, type MediumAction } from './device-enums';
import { DeviceTimeline } from './device-timeline';
import { MediumActionDialog, mediumActionLabel } from './medium-action-dialog';

const GRAVE: ReadonlySet<MediumAction> = new Set(['requestDestruction', 'destroy', 'reportLost']);
const dash = (v: string | null | undefined) => (v ? v : '—');

/** One medium: level, R-36 findings first, actions, its fields, bound computers and record. */
export function MediumDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const unbind = useMutation();
  const { detail, loadError, load } = useDetail(useCallback(() => window.api.media.detail({ id }), [id]));
  const [action, setAction] = useState<MediumAction | null>(null);

  if (!detail) return <DetailPending error={loadError} />;

  const m = detail.medium;
  // Nothing is above 绝密: 升级密级 is not offered there.
  const actions = mediumActionsFor(m.state).filter((a) => a !== 'raiseLevel' || m.level !== 'juemi');
  const done = async () => {
    const label = action ? mediumActionLabel(t, action, m) : '';
    setAction(null);
    notifySuccess(t('actions.recorded', { action: label, number: m.number }));
    await load();
  };
  const doUnbind = async (computerId: string, number: string) => {
    const r = await unbind.run(() => window.api.media.unbind({ mediumId: m.id, computerId, occurredOn: today() }));
    if (!r) return;
    notifySuccess(t('media.unbound', { number: m.number, computer: number }));
    await load();
  };

  const left: [string, ReactNode][] = [
    ['number', <Text key="n" ff="monospace" fz="sm">{m.number}</Text>],
    ['kind', t(`devices.mediumKind.${m.kind}`)],
    ['level', <LevelText key="l" level={m.level} fz="sm" />],
    ['model', dash(m.model)],
    ['serial', dash(m.serial)],
    ['volumeUuid', dash(m.volumeUuid)],
    ['capacity', dash(m.capacity)],
    ['purpose', m.isBackup ? <Badge key="b" color="indigo">{m.purpose}</Badge> : dash(m.purpose)],
  ];
  const right: [string, ReactNode][] = [
    ['responsible', dash(m.responsibleName)],
    ['department', dash(m.department)],
    ['issuedOn', dash(m.issuedOn)],
    ['pledgeOn', dash(m.pledgeOn)],
    ['holder', dash(m.holderName)],
    ['dueOn', m.dueOn ? (m.overdue ? t('detail.overdueSince', { date: m.dueOn }) : m.dueOn) : '—'],
    ['location', dash(m.location)],
    ['note', dash(m.note)],
  ];

  return (
    <Stack>
      <DeviceDetailHeader level={m.level} number={m.number}>
        <MediumStateBadge state={m.state} overdue={m.overdue} />
        {m.isBackup && <Badge color="indigo">{t('media.backup')}</Badge>}
      </DeviceDetailHeader>

      {detail.refusals.length > 0 && (
        <Alert color="red" variant="light" title={t('media.findings.title', { count: detail.refusals.length })} data-testid="medium-findings">
          <Stack gap={4}>
            {detail.refusals.map((r) => (
              <Text key={r.id} size="sm">
                {r.occurredOn}　{String(r.payload['message'] ?? '')}
                <Text span c="dimmed" size="xs">
                  {'　'}
                  {t('media.findings.recorded', { actor: r.actor, at: formatDateTime(r.at, i18n.language) })}
                </Text>
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {t('media.findings.hint')}
            </Text>
          </Stack>
        </Alert>
      )}

      <ActionToolbar
        actions={actions}
        grave={GRAVE}
        labelOf={(a) => mediumActionLabel(t, a, m)}
        none={t('media.noActions', { state: t(`devices.mediumState.${m.state}`) })}
        onStart={setAction}
      />

      <FieldTables left={left} right={right} labelOf={(k) => t(`media.field.${k}`)} />

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('media.boundTitle')}
        </Title>
        {unbind.error && (
          <Alert color="red" mb="xs">
            {unbind.error}
          </Alert>
        )}
        {m.boundComputers.length === 0 ? (
          <Text c="dimmed">{t('media.noBound')}</Text>
        ) : (
          <Table fz="sm" withTableBorder aria-label={t('media.boundTitle')} data-testid="bound-computers">
            <Table.Tbody>
              {m.boundComputers.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component="button" ff="monospace" fz="sm" onClick={() => navigate({ page: 'computer', id: c.id })}>
                      {c.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td w={120}>
                    <Button size="compact-xs" variant="subtle" color="red" loading={unbind.busy} onClick={() => void doUnbind(c.id, c.number)}>
                      {t('media.unbind')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('detail.timeline')}
        </Title>
        <DeviceTimeline entity="medium" timeline={detail.timeline} />
      </Card>

      <MediumActionDialog medium={m} action={action} onClose={() => setAction(null)} onDone={() => void done()} onRefused={() => void load()} />
    </Stack>
  );
}
