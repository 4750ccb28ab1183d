import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../../src/backup/backup-service';

export const PROGRESS_POLL_MS = 300;

/**
 * backup:progress while `active` (a backup, a test restore or a restore under way): the
 * last reading of a job still running. Readings from before the job started (idle), or
 * after it ended, are not shown.
 */
export function useProgressPoll(active: boolean, pollMs: number = PROGRESS_POLL_MS): BackupProgress | null {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!active) return;
    let live = true;
    const timer = window.setInterval(() => {
      void window.api.backup.progress().then((r) => {
        if (live && r.ok && r.value.running && r.value.phase !== 'idle') setProgress(r.value);
      });
    }, pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [active, pollMs]);
  return progress;
}
