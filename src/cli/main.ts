// The command line's entry (main(), which dist/cli.cjs calls) and the one error boundary:
// everything below throws typed errors; only this file ends the process, through the one mapping
// in exit-code.ts (which prints stacks with --debug).
import { exitCodeFor, takeDebug } from './exit-code.js';
import { processIo } from './io.js';
import { buildProgram } from './program.js';

/** Runs the command line on process.argv, and ends the process when it is done. */
export function main(): void {
  const { argv, debug } = takeDebug(process.argv);
  const io = processIo({ debug });
  // The boundary's own messages: if standard error itself is broken there is no one to tell.
  const stderr = {
    write(s: string) {
      try {
        io.stderr.write(s);
      } catch {
        // nowhere left to report it
      }
      return true;
    },
  };

  // No signal handler here: SIGINT, SIGTERM and SIGHUP take their default action, which works even
  // while a write to a stalled pipe blocks the thread; see signals.ts for the moments that need one.

  // Anything that escapes the chain below (an error in a callback or a stream) still gets one line.
  process.on('uncaughtException', (err) => process.exit(exitCodeFor(err, stderr, debug)));
  process.on('unhandledRejection', (err) => process.exit(exitCodeFor(err, stderr, debug)));

  // A promise chain, not top-level await: the published bundle is CommonJS (see scripts/build.mjs).
  buildProgram(io, argv)
    .parseAsync(argv)
    .catch((err: unknown) => {
      process.exitCode = exitCodeFor(err, stderr, debug);
    })
    // Everything is out by now (output is written synchronously, files are awaited): exit at once
    // instead of letting Node take the heap apart piece by piece, which costs a run about 3 ms.
    // Exit handlers (the compile cache's) still run.
    .finally(() => process.exit());
}
