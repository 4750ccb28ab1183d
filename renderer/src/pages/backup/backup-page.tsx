import { Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeView } from '../../../../src/backup/backup-service';
import { PendingProvider, usePendingScope } from '../../components/action-modal';
import { chainHeadLabel } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useDirectory } from '../../shell/directory';
import { useNavigation } from '../../shell/navigation';
import { BackupRunPanel } from './backup-run-panel';
import { BackupStatusCard } from './backup-status-card';
import { DEFAULT_BACKUP_SETTINGS } from './backup-text';
import { HostUnsetAlert } from './host-unset-alert';
import { RegisterVolumeForm } from './register-volume-form';
import { RestorePanel } from './restore-panel';
import { useBackupData } from './use-backup-data';
import { useBackupRun } from './use-backup-run';
import { VerifyPanel } from './verify-panel';
import { VolumeCard } from './volume-card';

type Dialog =
  | { kind: 'register'; volume: VolumeView }
  | { kind: 'run'; volume: VolumeView }
  | { kind: 'verify'; volume: VolumeView; name: string }
  | { kind: 'restore'; volume: VolumeView; name: string };

/** 备份与恢复: the status, the volumes plugged in, and what can be done with each. */
export function BackupPage() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const directory = useDirectory();
  const { status, volumes, loading, reload } = useBackupData();
  const backup = useBackupRun();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const settings = directory.settings ?? DEFAULT_BACKUP_SETTINGS;
  const running = backup.state.step === 'running';
  // The jobs inside the dialog (试恢复, the comparison, the restore, a prune, a registration):
  // while one waits for main the dialog stays open, or its refusal would be shown nowhere
  // and the page (立即备份, the ledger behind) would be usable in the middle of a restore.
  const jobs = usePendingScope();
  const locked = running || jobs.pending;

  const close = () => {
    if (locked) return;
    setDialog(null);
    backup.reset();
  };

  const startBackup = async (volume: VolumeView) => {
    setDialog({ kind: 'run', volume });
    await backup.start(volume.fsUuid);
    await reload();
  };

  const title = (d: Dialog): string => {
    switch (d.kind) {
      case 'register':
        return t('backup.register.title');
      case 'run':
        return t('backup.run.title', { number: d.volume.medium?.number ?? d.volume.label });
      case 'verify':
        return t('backup.verify.title', { name: d.name });
      case 'restore':
        return t('backup.restore.title', { name: d.name });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('backup.title')}</Title>
        <Button variant="light" onClick={() => void reload()} loading={loading} disabled={locked}>
          {t('backup.refresh')}
        </Button>
      </Group>

      <BackupStatusCard status={status} maxAgeDays={settings.backupMaxAgeDays} />
      {/* Only once the settings are read: before that, unset and unknown look the same. */}
      {directory.settings && !directory.settings.hostComputerId && <HostUnsetAlert onOpenSettings={() => navigate({ page: 'settings' })} />}

      <Title order={3}>{t('backup.volumes.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('backup.volumes.intro')}
      </Text>
      {volumes === null ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : volumes.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center" data-testid="no-volumes">
          {t('backup.volumes.empty')}
        </Text>
      ) : (
        volumes.map((v) => (
          <VolumeCard
            key={v.fsUuid || v.mountPath}
            volume={v}
            busy={locked}
            onRegister={() => setDialog({ kind: 'register', volume: v })}
            onBackup={() => void startBackup(v)}
            onVerify={(name) => setDialog({ kind: 'verify', volume: v, name })}
            onRestore={(name) => setDialog({ kind: 'restore', volume: v, name })}
          />
        ))
      )}

      <Modal
        opened={dialog !== null}
        onClose={close}
        size={dialog?.kind === 'register' ? 'lg' : 760}
        title={dialog ? title(dialog) : ''}
        closeOnClickOutside={false}
        closeOnEscape={!locked}
        withCloseButton={!locked}
      >
        <PendingProvider scope={jobs}>
          {dialog?.kind === 'register' && (
            <RegisterVolumeForm
              volume={dialog.volume}
              onCancel={close}
              onOpenMedia={() => {
                setDialog(null);
                navigate({ page: 'media' });
              }}
              onDone={(m) => {
                setDialog(null);
                notifySuccess(t('backup.register.done', { label: dialog.volume.label || dialog.volume.mountPath, number: m.number }));
                void reload();
              }}
            />
          )}
          {dialog?.kind === 'run' && (
            <BackupRunPanel
              fsUuid={dialog.volume.fsUuid}
              state={backup.state}
              progress={backup.progress}
              error={backup.error}
              keep={settings.backupRetention}
              onPruned={() => void reload()}
              onClose={close}
            />
          )}
          {dialog?.kind === 'verify' && <VerifyPanel fsUuid={dialog.volume.fsUuid} name={dialog.name} onVerified={() => void reload()} onClose={close} />}
          {dialog?.kind === 'restore' && (
            <RestorePanel
              fsUuid={dialog.volume.fsUuid}
              name={dialog.name}
              onCompared={() => void reload()}
              onRestored={(r) => {
                // The ledger underneath is another one now: its people, cabinets and settings too.
                notifySuccess(t('backup.restore.done', { head: chainHeadLabel(r.chain.head) }));
                void directory.reloadPeople();
                void directory.reloadCabinets();
                void directory.reloadSettings();
                void reload();
              }}
              onClose={close}
            />
          )}
        </PendingProvider>
      </Modal>
    </Stack>
  );
}
