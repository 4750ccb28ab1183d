/**
 * `npm run cli`: the command line over the core, without Electron. Like main.ts this is a
 * composition root: it hands the core the platform's removable-volume adapter.
 */
import { text } from 'node:stream/consumers';
import { runCli } from '../src/cli/run-cli';
import { blockNodeNetwork } from '../src/platform/block-node-network';
import { platformVolumes } from './volumes/platform-volumes';

// The CLI holds the same vault as the app, under the same rule: no network, ever.
blockNodeNetwork();

const code = await runCli(
  process.argv.slice(2),
  {
    // With a terminal on stdin there is nothing piped: do not wait for EOF forever.
    readStdin: () => (process.stdin.isTTY ? Promise.resolve('') : text(process.stdin)),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  { volumes: platformVolumes() },
);
process.exitCode = code;
