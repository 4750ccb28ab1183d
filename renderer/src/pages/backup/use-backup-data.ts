import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus, VolumeView } from '../../../../src/backup/backup-service';
import { useLedger } from '../../shell/ledger-context';

/**
 * The backup status and the volumes plugged in right now; null until main has answered.
 * Volumes are read again only on request (刷新) or after an action, since listing them
 * asks the platform for its block devices.
 */
export function useBackupData(): {
  status: BackupStatus | null;
  volumes: VolumeView[] | null;
  loading: boolean;
  reload: () => Promise<void>;
} {
  const { fail } = useLedger();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [volumes, setVolumes] = useState<VolumeView[] | null>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [s, v] = await Promise.all([window.api.backup.status(), window.api.backup.volumes()]);
      if (s.ok) setStatus(s.value);
      else fail(s.error);
      if (v.ok) setVolumes(v.value);
      else fail(v.error);
    } finally {
      setLoading(false);
    }
  }, [fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { status, volumes, loading, reload };
}
