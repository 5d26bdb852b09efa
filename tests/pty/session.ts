// Drives the built CLI in a real pseudo-terminal through relay.py (python3's pty module: no native
// build). Waits for screen text instead of sleeping, always with a bounded timeout.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { BIN } from '../helpers/cli.js';

const RELAY = fileURLToPath(new URL('./relay.py', import.meta.url));

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', left: '\u001b[D', space: ' ', ctrlC: '\u0003' } as const;

export interface Exit {
  code: number | null;
  /** The relay's own notes, e.g. `relay: tty echo=1 icanon=1`. */
  notes: string;
}

export class PtySession {
  /** Everything the command wrote to the terminal, escape sequences included. */
  raw = '';
  private notes = '';
  private closed = false;
  private readonly exited: Promise<Exit>;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      this.raw += chunk;
      for (const l of this.listeners) l();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.notes += chunk));
    this.exited = new Promise((resolve) => {
      // No python3, or the relay failed: say so rather than time out.
      child.on('error', (err) => (this.notes += `relay did not start: ${err.message}\n`));
      child.on('close', (code) => {
        this.closed = true;
        for (const l of this.listeners) l();
        resolve({ code, notes: this.notes });
      });
    });
  }

  /** Runs `node bin/mlflow-advisor.js ARGS` on a fresh terminal of the given size; `stdoutTo` redirects its output to a file, as `> FILE` does. */
  static start(args: string[], opts: { stdinNull?: boolean; cols?: number; rows?: number; timeoutS?: number; stdoutTo?: string } = {}): PtySession {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES']) delete env[k];
    const relayArgs = [RELAY, '--cols', String(opts.cols ?? 100), '--rows', String(opts.rows ?? 40), '--timeout', String(opts.timeoutS ?? 50)];
    if (opts.stdinNull) relayArgs.push('--stdin-null');
    const command = [process.execPath, BIN, ...args];
    const redirected = opts.stdoutTo === undefined ? command : ['/bin/sh', '-c', 'f=$1; shift; exec "$@" > "$f"', 'sh', opts.stdoutTo, ...command];
    const child = spawn('python3', [...relayArgs, '--', ...redirected], { env, stdio: 'pipe' });
    return new PtySession(child);
  }

  /** The screen's text so far: escape sequences stripped, line endings normalised. */
  get text(): string {
    return stripVTControlCharacters(this.raw).replace(/\r\n?/g, '\n');
  }

  /** Resolves with the match once `pattern` shows at or after text offset `from`. */
  waitFor(pattern: RegExp, from = 0, timeoutMs = 15_000): Promise<RegExpExecArray & { end: number }> {
    const find = () => {
      const text = this.text;
      const re = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
      re.lastIndex = from;
      const m = re.exec(text);
      return m ? Object.assign(m, { end: m.index + m[0].length }) : undefined;
    };
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = find();
        if (m) {
          done();
          resolve(m);
        } else if (this.closed) {
          done();
          reject(new Error(`no ${pattern} on the screen, and the command ended (${this.notes.trim()}); the screen ends with:\n${this.text.slice(-1500)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} on the screen after ${timeoutMs} ms; the screen ends with:\n${this.text.slice(-1500)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Sends a signal to the command itself (not the relay), as `kill -TERM PID` would. */
  async signal(signal: NodeJS.Signals): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const pid = /relay: pid (\d+)/.exec(this.notes)?.[1];
      if (pid) {
        process.kill(Number(pid), signal);
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the relay did not report the command's pid (${this.notes.trim()})`);
  }

  press(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Resolves with the exit status, or rejects (and kills the command) after the timeout. */
  async exit(timeoutMs = 15_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(new Error(`still running after ${timeoutMs} ms; the screen ends with:\n${this.text.slice(-1500)}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
