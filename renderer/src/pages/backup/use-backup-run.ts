import { useCallback, useRef, useState } from 'react';
import type { ResultOf } from '../../../../src/api/contract';
import type { BackupProgress } from '../../../../src/backup/backup-service';
import { useMutation } from '../../hooks/use-mutation';
import { PROGRESS_POLL_MS, useProgressPoll } from '../../hooks/use-progress-poll';
import { readBackupProgress } from './backup-text';

export type BackupResult = ResultOf<'backup:run'>;

export type RunState = { step: 'idle' } | { step: 'running' } | { step: 'done'; result: BackupResult } | { step: 'failed' };

const STARTING: BackupProgress = { running: true, phase: 'idle', fraction: 0 };
const DONE: BackupProgress = { running: false, phase: 'done', fraction: 1 };

/**
 * One backup:run, with backup:progress polled while it runs. Main resets its progress as
 * soon as the run returns, so 完成 is shown from the run's own answer, and a reading from
 * before the run has started never moves the bar back. A refusal or failure is main's
 * message, kept in `error`.
 */
export function useBackupRun(pollMs: number = PROGRESS_POLL_MS) {
  const { run, error, setError, busy } = useMutation();
  const [state, setState] = useState<RunState>({ step: 'idle' });
  const running = useRef(false);
  const polled = useProgressPoll(state.step === 'running', readBackupProgress, pollMs);

  const start = useCallback(
    async (fsUuid: string): Promise<BackupResult | null> => {
      if (running.current) return null;
      running.current = true;
      setError(null);
      setState({ step: 'running' });
      try {
        const done = await run(() => window.api.backup.run({ fsUuid }));
        setState(done ? { step: 'done', result: done.value } : { step: 'failed' });
        return done?.value ?? null;
      } finally {
        running.current = false;
      }
    },
    [run, setError],
  );

  const reset = useCallback(() => {
    if (running.current) return;
    setState({ step: 'idle' });
    setError(null);
  }, [setError]);

  const progress = state.step === 'running' ? (polled ?? STARTING) : state.step === 'done' ? DONE : null;
  return { state, progress, error, busy, start, reset };
}
