import { useEffect, useState } from 'react';
import type { IpcResult } from '../../../src/api/result';

export const PROGRESS_POLL_MS = 300;

interface Reading {
  running: boolean;
  phase: string;
}

/**
 * A long job's progress while `active`, as `read` reports it (backup:progress for a backup,
 * a test restore or a restore; vault:progress for an unlock). Only the readings of a job
 * still running are shown: none from before it started (idle) or after it ended.
 */
export function useProgressPoll<P extends Reading>(active: boolean, read: () => Promise<IpcResult<P>>, pollMs: number = PROGRESS_POLL_MS): P | null {
  const [progress, setProgress] = useState<P | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!active) return;
    let live = true;
    const timer = window.setInterval(() => {
      void read().then((r) => {
        if (live && r.ok && r.value.running && r.value.phase !== 'idle') setProgress(r.value);
      });
    }, pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [active, read, pollMs]);
  return progress;
}
