/**
 * Worker-thread entry for one database check of a backup (see check-runner.ts). Bundled
 * as dist/main/check-worker.cjs; from source it runs under tsx's loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blockNodeNetwork } from '../../platform/block-node-network';
import { runDatabaseCheck, type DatabaseCheckJob } from './database-checks';

import type { WorkerMessage } from './check-runner';

// A worker thread has its own built-in modules: the main process's block does not reach
// them, so the worker blocks its own before it touches the backup's keys.
blockNodeNetwork();

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
post({ result: runDatabaseCheck(workerData as DatabaseCheckJob, (checked) => post({ checked })) });
