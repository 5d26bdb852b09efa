// The entry and the one error boundary: everything below throws typed errors; only this file
// decides exit codes and prints stacks (with --debug).
import { CommanderError } from 'commander';
import { AdvisorError } from '../errors.js';
import { processIo } from './io.js';
import { buildProgram } from './program.js';

const io = processIo();
const debug = process.argv.includes('--debug');

// `mlflow-advisor | head -1`: a closed pipe is not an error worth a word. The run still
// finishes (dropping further output), so --output and --save files are written and the exit
// code still reports an --expect mismatch.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    throw err;
  });
}
process.once('SIGINT', () => {
  io.stderr.write('\nInterrupted.\n');
  process.exit(130);
});
process.once('SIGTERM', () => process.exit(143));

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error.
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code) ? 0 : 2;
  }
  if (err instanceof AdvisorError) {
    if (err.message) io.stderr.write(`mlflow-advisor: ${err.message}\n`);
    return err.exitCode;
  }
  // Ctrl+C inside a prompt.
  if (err instanceof Error && err.name === 'ExitPromptError') {
    io.stderr.write('Interrupted.\n');
    return 130;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`mlflow-advisor: unexpected failure: ${message}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
  else io.stderr.write('Run again with --debug to see the stack trace, and report it if it persists.\n');
  return 1;
}

try {
  await buildProgram(io).parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}
