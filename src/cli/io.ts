// What a command may touch of the outside world, gathered so tests can pass fakes.
import { isatty } from 'node:tty';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream & AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
}

export function processIo(): Io {
  const envColumns = Number(process.env.COLUMNS);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Getters: creating process.stdin (or loading node:tty) costs time and memory at every
    // start, and only prompts and `--answers -` need them.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    get stdinIsTTY() {
      return isatty(0);
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: envColumns > 0 ? envColumns : process.stdout.columns || 100,
  };
}
