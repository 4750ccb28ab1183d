import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runDatabaseCheck, type DatabaseCheckJob, type DatabaseCheckResult } from './database-checks';

export interface WorkerScript {
  file: string;
  execArgv: string[];
}

/**
 * Where the worker entry is: beside the bundle (dist/main/check-worker.cjs), or beside
 * this file when running from source, where tsx's loader reads the TypeScript.
 */
function workerScript(): WorkerScript | null {
  const bundled = fileURLToPath(new URL('./check-worker.cjs', import.meta.url));
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = fileURLToPath(new URL('./check-worker.ts', import.meta.url));
  if (!existsSync(source)) return null;
  try {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    return { file: source, execArgv: ['--import', pathToFileURL(tsx).href] };
  } catch {
    return null;
  }
}

/**
 * The checks' share of a progress bar: the chain is the longer of the two, so its count of
 * entries is the bar, held short of full until quick_check has answered too.
 */
export const chainFraction = (checked: number, entries: number): number => (entries ? Math.min(0.99, checked / entries) : 0.99);

/** What a worker posts: progress of the chain, then its one result. */
export type WorkerMessage = { checked: number } | { result: DatabaseCheckResult };

export interface CheckOptions {
  /** Which worker entry to start; by default the one beside the bundle or this file. */
  script?: WorkerScript | null;
  /** Audit entries verified so far by the chain check. */
  onChain?: (checked: number) => void;
}

export interface RunningChecks {
  results(): Promise<DatabaseCheckResult[]>;
  /** Stops the workers (the file already failed its hash); resolves once they are gone. */
  cancel(): Promise<void>;
}

/**
 * Starts the jobs at once, one worker thread each, so that quick_check and the audit
 * chain use both cores and the main process stays free to answer the window. A worker
 * that cannot start (no worker file, a platform that refuses) is replaced by running its
 * job here, later, when the results are asked for: slower, never skipped.
 */
export function startDatabaseChecks(jobs: DatabaseCheckJob[], options: CheckOptions = {}): RunningChecks {
  const script = options.script === undefined ? workerScript() : options.script;
  const workers: Worker[] = [];
  const settled = jobs.map((job) => {
    if (!script) return Promise.resolve(null);
    return new Promise<DatabaseCheckResult | null>((resolve) => {
      let done = false;
      const w = new Worker(script.file, { workerData: job, execArgv: script.execArgv });
      workers.push(w);
      w.on('message', (m: WorkerMessage) => {
        if ('checked' in m) return options.onChain?.(m.checked);
        done = true;
        resolve(m.result);
      });
      w.once('error', () => resolve(null));
      w.once('exit', () => (done ? undefined : resolve(null)));
    });
  });
  // This thread keeps each job (with its key copy) for the fallback; once the checks are
  // over, one way or the other, those copies are wiped.
  const wipe = () => jobs.forEach((j) => j.key.fill(0));
  return {
    async results() {
      const got = await Promise.all(settled);
      try {
        return got.map((r, i) => r ?? runDatabaseCheck(jobs[i]!, options.onChain));
      } finally {
        wipe();
      }
    },
    async cancel() {
      await Promise.all(workers.map((w) => w.terminate()));
      wipe();
    },
  };
}
