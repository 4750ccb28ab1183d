/**
 * Worker-thread entry for one database check of a backup (see check-runner.ts). Bundled
 * as dist/main/verify-worker.cjs; from source it runs under tsx's loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runDatabaseCheck, type DatabaseCheckJob } from './database-checks';

parentPort?.postMessage(runDatabaseCheck(workerData as DatabaseCheckJob));
