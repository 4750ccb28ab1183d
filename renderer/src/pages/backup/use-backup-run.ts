import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../../src/api/contract';
import type { BackupProgress } from '../../../../src/backup/backup-service';
import { useMutation } from '../../hooks/use-mutation';

export const PROGRESS_POLL_MS = 300;

export type BackupResult = ResultOf<'backup:run'>;

export type RunState =
  | { step: 'idle' }
  | { step: 'running'; progress: BackupProgress }
  | { step: 'done'; result: BackupResult }
  | { step: 'failed' };

const STARTING: BackupProgress = { running: true, phase: 'idle', fraction: 0 };
const DONE: BackupProgress = { running: false, phase: 'done', fraction: 1 };

/**
 * One backup:run, with backup:progress polled while it runs. Main resets its progress to
 * idle as soon as the run returns, so 完成 is shown from the run's own answer, and an
 * idle reading (before the run has started, or a poll answered late) never moves the bar
 * back. A refusal or failure is main's message, kept in `error`.
 */
export function useBackupRun(pollMs: number = PROGRESS_POLL_MS) {
  const { run, error, setError, busy } = useMutation();
  const [state, setState] = useState<RunState>({ step: 'idle' });
  const running = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      running.current = false;
    };
  }, []);

  const poll = useCallback(async () => {
    while (running.current) {
      await new Promise((resolve) => window.setTimeout(resolve, pollMs));
      if (!running.current) return;
      const r = await window.api.backup.progress();
      if (!running.current || !mounted.current || !r.ok || !r.value.running || r.value.phase === 'idle') continue;
      const progress = r.value;
      setState((s) => (s.step === 'running' ? { step: 'running', progress } : s));
    }
  }, [pollMs]);

  const start = useCallback(
    async (fsUuid: string): Promise<BackupResult | null> => {
      if (running.current) return null;
      running.current = true;
      setError(null);
      setState({ step: 'running', progress: STARTING });
      void poll();
      try {
        const done = await run(() => window.api.backup.run({ fsUuid }));
        if (!mounted.current) return done?.value ?? null;
        setState(done ? { step: 'done', result: done.value } : { step: 'failed' });
        return done?.value ?? null;
      } finally {
        running.current = false;
      }
    },
    [run, poll, setError],
  );

  const reset = useCallback(() => {
    if (running.current) return;
    setState({ step: 'idle' });
    setError(null);
  }, [setError]);

  const progress = state.step === 'running' ? state.progress : state.step === 'done' ? DONE : null;
  return { state, progress, error, busy, start, reset };
}
