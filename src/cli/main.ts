// The entry and the one error boundary: everything below throws typed errors; only this file
// ends the process, through the one mapping in exit-code.ts (which prints stacks with --debug).
import { exitCodeFor, takeDebug } from './exit-code.js';
import { processIo } from './io.js';
import { buildProgram } from './program.js';

const { argv, debug } = takeDebug(process.argv);
const stderr = process.stderr;
const quiet = { write: () => true };

// Signals first, before anything touches standard input: Ctrl+C at any moment exits cleanly.
process.once('SIGINT', () => {
  stderr.write('\nInterrupted.\n');
  process.exit(130);
});
process.once('SIGTERM', () => process.exit(143));

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    // `mlflow-advisor | head -1`: a reader that stopped reading is not an error worth a word.
    // The run still finishes (dropping further output), so --output and --save files are
    // written and the exit code still reports an --expect mismatch.
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    // A full disk or a dead terminal: say so on standard error, unless that is what broke.
    if (stream === process.stdout) err.message = `standard output: ${err.message}`;
    process.exit(exitCodeFor(err, stream === process.stderr ? quiet : stderr, debug));
  });
}
// Anything that escapes the chain below (an error in a callback or a stream) still gets one line.
process.on('uncaughtException', (err) => process.exit(exitCodeFor(err, stderr, debug)));
process.on('unhandledRejection', (err) => process.exit(exitCodeFor(err, stderr, debug)));

// A promise chain, not top-level await: the published bundle is CommonJS (see scripts/build.mjs).
buildProgram(processIo())
  .parseAsync(argv)
  .catch((err: unknown) => {
    process.exitCode = exitCodeFor(err, stderr, debug);
  });
