// What a command may touch of the outside world, gathered so tests can pass fakes.
//
// Output goes straight to the file descriptors with synchronous writes. process.stdout and
// process.stderr are streams whose creation loads Node's stream and net modules (about a fifth
// of Node's own start-up here), and a run prints one document and exits, so it needs none of
// what a stream adds. A write is complete when it returns: nothing is lost at exit.
// A write to a stalled reader blocks the thread; signals still end the run then, because no
// JavaScript handler is waiting for the thread (see signals.ts).
import { fstatSync, writeSync } from 'node:fs';
import type { Sink } from './exit-code.js';

export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin: NodeJS.ReadableStream & AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
  /** With --debug: a diagnostic line on standard error (timings), else absent. */
  debug?: (message: string) => void;
}

/**
 * A terminal is a character device: anything else (a pipe, a file) is answered without node:tty,
 * which loads Node's net and stream modules. So is /dev/null (`> /dev/null`, `< /dev/null` in CI),
 * the commonest character device that is no terminal: on Linux the memory devices (null, zero,
 * full, random) have major number 1, and no terminal has.
 */
export function isTerminal(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice()) return false;
    if (process.platform === 'linux' && deviceMajor(info.rdev) === 1) return false;
    return process.getBuiltinModule('node:tty').isatty(fd);
  } catch {
    return false;
  }
}

/** The major number of a Linux device id (glibc's gnu_dev_major), on numbers beyond 32 bits too. */
const deviceMajor = (rdev: number) => (Math.floor(rdev / 2 ** 8) & 0xfff) | (Math.floor(rdev / 2 ** 32) & ~0xfff);

let pause: Int32Array | undefined;

/**
 * Writes to a descriptor and returns once every byte is written. A reader that went away
 * (`| head -1`, EPIPE) is not an error worth a word: later output is dropped and the run goes on,
 * so --output and --save files are still written and --expect still sets the exit code. Any
 * other failure (a full disk) is thrown, named after `name`, to the error boundary.
 */
export function fdSink(fd: number, name: string): Sink & { closed: boolean } {
  const sink = {
    closed: false,
    write(s: string): boolean {
      if (sink.closed || s.length === 0) return true;
      const bytes = Buffer.from(s, 'utf8');
      let off = 0;
      while (off < bytes.length) {
        try {
          off += writeSync(fd, bytes, off, bytes.length - off);
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          // A descriptor someone else made non-blocking (a shared terminal or pipe) is full for
          // now: wait a moment and go on, as a blocking write would.
          if (err.code === 'EAGAIN') {
            pause ??= new Int32Array(new SharedArrayBuffer(4));
            Atomics.wait(pause, 0, 0, 2);
            continue;
          }
          if (err.code === 'EPIPE') {
            sink.closed = true;
            return true;
          }
          err.message = `${name}: ${err.message}`;
          throw err;
        }
      }
      return true;
    },
  };
  return sink;
}

export function processIo(options: { debug?: boolean } = {}): Io {
  const envColumns = Number(process.env.COLUMNS);
  const tty = new Map<number, boolean>();
  const terminal = (fd: number) => {
    if (!tty.has(fd)) tty.set(fd, isTerminal(fd));
    return tty.get(fd)!;
  };
  const stderr = fdSink(2, 'standard error');
  return {
    stdout: fdSink(1, 'standard output'),
    stderr,
    ...(options.debug ? { debug: (message: string) => stderr.write(`debug: ${message}\n`) } : {}),
    // Created only when read: only prompts and `--answers -` need standard input's stream.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    get stdinIsTTY() {
      return terminal(0);
    },
    get stdoutIsTTY() {
      return terminal(1);
    },
    get stderrIsTTY() {
      return terminal(2);
    },
    // The terminal's width, else COLUMNS, else 80 (a pipe or a file).
    get columns() {
      return (terminal(1) && process.stdout.columns) || (envColumns > 0 ? envColumns : 80);
    },
  };
}
