import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPending } from '../../components/detail-pending';
import { FormError } from '../../components/form-error';
import { PageBack } from '../../components/page-back';
import { useDetail } from '../../hooks/use-detail';
import { useMutation } from '../../hooks/use-mutation';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { RegisterPrintCard } from '../inspections/register-print';
import { ReconReportView } from './recon-report-view';
import { ScanPanel } from './scan-panel';

/**
 * One count: scanning while it is open, then (once ended, which fixes the report) the
 * missing, unexpected, duplicate and away lists and the printed discrepancy report.
 */
export function ReconSessionPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const read = useCallback(() => window.api.recon.report({ sessionId: id }), [id]);
  const { detail: report, setDetail: setReport, loadError } = useDetail(read);
  const [confirming, setConfirming] = useState(false);
  // What the last scan left unsighted; before any scan, what the report says.
  const [afterScan, setAfterScan] = useState<number | null>(null);
  const { run, error, setError, busy } = useMutation();

  if (!report) return <DetailPending error={loadError} />;

  const unsighted = afterScan ?? report.expected - report.sighted.length;
  const ended = report.endedAt !== null;
  const end = async () => {
    const done = await run(() => window.api.recon.end({ sessionId: id }));
    if (!done) return;
    setConfirming(false);
    setReport(done.value);
    notifySuccess(t('recon.ended'));
  };
  const day = report.startedAt.slice(0, 10);

  return (
    <Stack maw={1100}>
      <Stack gap={4}>
        <PageBack />
        <Group gap="md">
          <Title order={2} data-testid="recon-title">
            {t('recon.sessionTitle', { purpose: t(`recon.purpose.${report.purpose}`, { defaultValue: report.purpose }) })}
          </Title>
          <Badge color={ended ? 'teal' : 'orange'} variant="light" size="lg" data-testid="recon-state">
            {ended ? t('recon.stateEnded') : t('recon.stateOpen')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('recon.sessionFacts', { scope: report.scope, at: formatDateTime(report.startedAt, i18n.language), expected: report.expected })}
          {report.endedAt && ` · ${t('recon.endedAt', { at: formatDateTime(report.endedAt, i18n.language) })}`}
        </Text>
      </Stack>

      {!ended && (
        <Card withBorder>
          <ScanPanel
            sessionId={id}
            sighted={report.sighted.length}
            expected={report.expected}
            onOutcome={(o) => setAfterScan(o.expected - o.sighted)}
          />
          <Group mt="md">
            <Button color="orange" onClick={() => setConfirming(true)}>
              {t('recon.end')}
            </Button>
          </Group>
        </Card>
      )}

      {ended && <ReconReportView report={report} />}

      {ended && (
        <RegisterPrintCard
          title={t('recon.printTitle')}
          hint={t('recon.printHint')}
          request={{ registerId: 'discrepancy', from: day, to: (report.endedAt ?? report.startedAt).slice(0, 10), levels: [], blank: false, subjectId: id }}
          printLabel={t('recon.print')}
          testId="recon-print"
        />
      )}

      <Modal
        opened={confirming}
        onClose={() => {
          setError(null);
          setConfirming(false);
        }}
        title={t('recon.endTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{unsighted > 0 ? t('recon.endWarning', { count: unsighted }) : t('recon.endAllSighted')}</Text>
          <FormError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </Button>
            <Button color="orange" data-autofocus loading={busy} onClick={() => void end()}>
              {t('recon.endConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
