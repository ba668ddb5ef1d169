// The CLI proper, loaded by main.ts once the runtime is known to be able to run it.
import { newCommandRegistry } from './commands';
import { runCli } from './runcli';

const controller = new AbortController();
// First Ctrl-C stops streams and waits cleanly; the `finally` in runCli closes the connection.
process.once('SIGINT', () => {
  controller.abort(new Error('interrupted'));
});
process.once('SIGTERM', () => {
  controller.abort(new Error('terminated'));
});

void runCli(newCommandRegistry(), process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
