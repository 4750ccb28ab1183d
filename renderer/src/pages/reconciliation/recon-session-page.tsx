import { Alert, Badge, Button, Card, Center, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconReport } from '../../../../src/ledger/inspections/reconciliation';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useLedger } from '../../shell/ledger-context';
import { useNavigation } from '../../shell/navigation';
import { RegisterPrint } from '../inspections/register-print';
import { ReconReportView } from './recon-report-view';
import { ScanPanel } from './scan-panel';

/**
 * One count: scanning while it is open, then (once ended, which fixes the report) the
 * missing, unexpected, duplicate and away lists and the printed discrepancy report.
 */
export function ReconSessionPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { fail } = useLedger();
  const { back } = useNavigation();
  const [report, setReport] = useState<ReconReport | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [unsighted, setUnsighted] = useState(0);
  const { run, error, setError, busy } = useMutation();

  const load = useCallback(async () => {
    const r = await window.api.recon.report({ sessionId: id });
    if (r.ok) {
      setReport(r.value);
      setUnsighted(r.value.expected - r.value.sighted.length);
      setLoadError(null);
    } else {
      setLoadError(errorText(i18n, r.error));
      fail(r.error);
    }
  }, [id, i18n, fail]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!report) {
    return <Center py="xl">{loadError ? <Alert color="red">{loadError}</Alert> : <Loader aria-label={t('app.loading')} />}</Center>;
  }

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
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={back}>
            {t('detail.back')}
          </Button>
        </Group>
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
            onOutcome={(o) => setUnsighted(o.expected - o.sighted)}
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
        <Card withBorder>
          <Title order={4} mb={4}>
            {t('recon.printTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('recon.printHint')}
          </Text>
          <RegisterPrint
            request={{ registerId: 'discrepancy', from: day, to: (report.endedAt ?? report.startedAt).slice(0, 10), levels: [], blank: false, subjectId: id }}
            printLabel={t('recon.print')}
            testId="recon-print"
          />
        </Card>
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
