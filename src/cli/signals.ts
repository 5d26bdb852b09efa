// Signals end a run at once. While nothing needs undoing, no handler is installed, so SIGINT,
// SIGTERM and SIGHUP take their default action even while the main thread is blocked (a write to
// a stalled pipe, an open of a FIFO nobody reads): a JavaScript handler would only run once that
// call returned, which may be never. While something does need undoing (a temp file being
// written, a prompt that hid the cursor), a handler runs the cleanups and raises the signal
// again with its default action, so the caller (a shell loop, CI) sees a run ended by that signal:
// 130, 143 or 129 in `$?`.

import { writeSync } from 'node:fs';
import type { InteractivePrompter } from '../questionnaire/prompter.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const cleanups = new Set<() => void>();

function onSignal(signal: NodeJS.Signals): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // the others still run
    }
  }
  cleanups.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Runs `cleanup` if a signal ends the run before the returned function is called. Code between
 * the two calls should not block for long: the signal waits for it. The release takes one turn of
 * the event loop first, so a signal that came during synchronous work is handled, not dropped.
 */
export function onInterrupt(cleanup: () => void): () => Promise<void> {
  if (cleanups.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  cleanups.add(cleanup);
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/** A prompt hides the cursor and puts the terminal in raw mode: both undone on a signal. */
function restoreTerminal(): void {
  const stdin = process.stdin as NodeJS.ReadStream;
  if (stdin.isTTY) stdin.setRawMode(false);
  if (process.getBuiltinModule('node:tty').isatty(2)) writeSync(2, '\x1b[?25h\n');
}

/** The prompter, with the terminal restored if a signal ends the run during one of its prompts. */
export function restoringTerminal(prompter: InteractivePrompter): InteractivePrompter {
  const guard = async <T>(prompt: () => Promise<T>): Promise<T> => {
    const release = onInterrupt(restoreTerminal);
    try {
      return await prompt();
    } finally {
      await release();
    }
  };
  return {
    ask: (q, progress) => guard(() => prompter.ask(q, progress)),
    review: (answers, origins) => guard(() => prompter.review(answers, origins)),
    offerSave: (check) => guard(() => prompter.offerSave(check)),
    confirmReplace: (path) => guard(() => prompter.confirmReplace(path)),
  };
}
