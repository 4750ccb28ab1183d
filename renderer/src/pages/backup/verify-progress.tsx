import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../../src/backup/backup-service';
import { PhaseSteps } from './phase-steps';
import { restorePercent, RESTORE_PHASES, verifyPercent, verifyPhaseOf, VERIFY_PHASES } from './backup-text';

/** Where a test restore (or a restore) is: which step runs, and one bar for all of them. */
export function VerifyProgress({ progress, restore = false }: { progress: BackupProgress | null; restore?: boolean }) {
  const { t } = useTranslation();
  const phase = progress ? verifyPhaseOf(progress) : 'open';
  const percent = progress ? (restore ? restorePercent : verifyPercent)(progress) : 0;
  const label = t(`backup.verify.phase.${phase}`);
  return (
    <Stack gap={6} data-testid="verify-progress">
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="verify-phase" data-phase={phase}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {percent}%
        </Text>
      </Group>
      <Progress value={percent} size="lg" striped animated aria-label={t(restore ? 'backup.restore.progressLabel' : 'backup.verify.progressLabel')} aria-valuetext={`${label} ${percent}%`} />
      <PhaseSteps phases={restore ? RESTORE_PHASES : VERIFY_PHASES} current={phase} label={(p) => t(`backup.verify.phase.${p}`)} />
    </Stack>
  );
}
