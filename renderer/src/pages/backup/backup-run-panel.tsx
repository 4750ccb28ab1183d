import { Alert, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDialogPending } from '../../components/action-modal';
import { FormError } from '../../components/form-error';
import { formatBytes, overallPercent, phaseOf, PHASES } from './backup-text';
import { PhaseSteps } from './phase-steps';
import { PruneConfirm } from './prune-confirm';
import type { RunState } from './use-backup-run';
import type { BackupProgress } from '../../../../src/backup/backup-service';

interface BackupRunPanelProps {
  fsUuid: string;
  state: RunState;
  progress: BackupProgress | null;
  error: string | null;
  keep: number;
  onPruned: () => void;
  onClose: () => void;
}

/** The run in progress (phase and bar), then what was written, then the retention question. */
export function BackupRunPanel({ fsUuid, state, progress, error, keep, onPruned, onClose }: BackupRunPanelProps) {
  const { t } = useTranslation();
  const running = state.step === 'running';
  // A prune of the older backups is still waiting for main.
  const pruning = useDialogPending();
  const phase = progress ? phaseOf(progress) : 'idle';
  const percent = progress ? overallPercent(progress) : 0;
  const phaseLabel = t(`backup.run.phase.${phase}`);

  return (
    <Stack>
      {progress && (
        <Stack gap={6} data-testid="backup-progress">
          <Group justify="space-between">
            <Text size="sm" fw={600} data-testid="backup-phase" data-phase={phase}>
              {phaseLabel}
            </Text>
            <Text size="sm" c="dimmed" data-testid="backup-percent">
              {percent}%
            </Text>
          </Group>
          <Progress
            value={percent}
            size="lg"
            striped={running}
            animated={running}
            color={state.step === 'done' ? 'teal' : 'indigo'}
            aria-label={t('backup.run.progressLabel')}
            aria-valuetext={`${phaseLabel} ${percent}%`}
          />
          <PhaseSteps phases={PHASES} current={phase} label={(p) => t(`backup.run.phase.${p}`)} />
          {running && (
            <Text size="sm" c="orange.8">
              {t('backup.run.running')}
            </Text>
          )}
        </Stack>
      )}
      {state.step === 'failed' && (
        <>
          <Text fw={600} c="red.8">
            {t('backup.run.failed')}
          </Text>
          <FormError error={error} />
        </>
      )}
      {state.step === 'done' && (
        <>
          <Alert color="teal" variant="light" title={t('backup.run.done')} data-testid="backup-result">
            <Table variant="vertical" fz="sm" layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={120}>{t('backup.run.name')}</Table.Th>
                  <Table.Td ff="monospace" data-testid="result-name">
                    {state.result.name}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.run.sha256')}</Table.Th>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="result-sha256">
                    {state.result.sha256}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.run.chainSeq')}</Table.Th>
                  <Table.Td ff="monospace" data-testid="result-chain-seq">
                    #{state.result.chainSeq}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.run.size')}</Table.Th>
                  <Table.Td>{formatBytes(state.result.bytes)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.run.readBack')}</Table.Th>
                  <Table.Td data-testid="result-read-back">{t(`backup.run.readBackFrom.${state.result.readBackFrom}`)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              {t('backup.run.verifyHint')}
            </Text>
          </Alert>
          {state.result.deletable.length > 0 && <PruneConfirm fsUuid={fsUuid} names={state.result.deletable} keep={keep} onPruned={onPruned} />}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={running || pruning} onClick={onClose}>
          {t('backup.run.close')}
        </Button>
      </Group>
    </Stack>
  );
}
