import { text } from 'node:stream/consumers';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), {
  // With a terminal on stdin there is nothing piped: do not wait for EOF forever.
  readStdin: () => (process.stdin.isTTY ? Promise.resolve('') : text(process.stdin)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
