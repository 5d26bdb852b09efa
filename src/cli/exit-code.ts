// The error boundary's one mapping from whatever was thrown to an exit code and the message the
// user sees: one line on standard error, never a stack trace unless --debug asked for it.
import { AdvisorError } from '../errors.js';
import { clip, escapeControls } from '../util/quote.js';

export interface Sink {
  write(s: string): unknown;
}

/** Longest message printed; what the user typed is clipped well before this. */
export const MAX_MESSAGE = 600;

// Help and version end commander's parse with an error too: they are successes.
const SUCCESS_CODES = ['commander.helpDisplayed', 'commander.help', 'commander.version'];

/**
 * A message as one printable line: commander's suggestion joins its line, control characters are
 * escaped, any word longer than 80 characters (a pasted blob, a 100 KB value) keeps only its ends.
 */
export function oneLine(message: string): string {
  const joined = message.trim().replace(/^error: /, '').replace(/\s*\n(?=\(Did you mean )/g, ' ');
  const words = escapeControls(joined).replace(/\S{81,}/g, (w) => clip(w, 60));
  return clip(words, MAX_MESSAGE);
}

/**
 * Commander's errors carry a `commander.*` code. Told apart by that rather than by their class, so
 * that the error boundary does not load commander, which the everyday line never needs.
 */
function isCommanderError(err: unknown): err is Error & { code: string } {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}

export function exitCodeFor(err: unknown, stderr: Sink, debug = false): number {
  if (isCommanderError(err)) {
    if (SUCCESS_CODES.includes(err.code)) return 0;
    stderr.write(`mlflow-advisor: ${oneLine(err.message)}\n`);
    return 2;
  }
  if (err instanceof AdvisorError) {
    if (err.message) stderr.write(`mlflow-advisor: ${oneLine(err.message)}\n`);
    return err.exitCode;
  }
  // Ctrl+C inside a prompt.
  if (err instanceof Error && err.name === 'ExitPromptError') {
    stderr.write('Interrupted.\n');
    return 130;
  }
  const message = err instanceof Error ? err.message || err.name : String(err);
  stderr.write(`mlflow-advisor: unexpected failure: ${oneLine(message)}\n`);
  if (debug && err instanceof Error && err.stack) stderr.write(err.stack + '\n');
  else stderr.write('Run again with --debug to see the stack trace, and report it if it persists.\n');
  return 1;
}

/** `--debug` works anywhere on the line (`recommend --json --debug` too), up to a `--`. */
export function takeDebug(argv: readonly string[]): { argv: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const rest = end < 0 ? [] : argv.slice(end);
  const kept = head.filter((a) => a !== '--debug');
  return { argv: [...kept, ...rest], debug: kept.length !== head.length };
}
