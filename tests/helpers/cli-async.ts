// The built CLI spawned without blocking the test: for several runs at once (the property test)
// and for runs the test talks to while they wait (signals, pipes that stay open).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BIN, CLI_TMPDIR, type Run } from './cli.js';

export interface AsyncRun extends Run {
  signal: NodeJS.Signals | null;
}

export interface Started {
  child: ChildProcess;
  done: Promise<AsyncRun>;
}

export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, TMPDIR: CLI_TMPDIR ?? process.env.TMPDIR, NO_COLOR: undefined, FORCE_COLOR: undefined, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** Starts the CLI; `input` is written to standard input and closed, unless `keepStdinOpen`. */
export function start(
  args: string[],
  opts: { input?: string; keepStdinOpen?: boolean; env?: Record<string, string | undefined>; cwd?: string; bin?: string } & Pick<SpawnOptions, 'uid' | 'gid'> = {},
): Started {
  const child = spawn(process.execPath, [opts.bin ?? BIN, ...args], {
    env: testEnv(opts.env),
    cwd: opts.cwd,
    uid: opts.uid,
    gid: opts.gid,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // A child that exits before reading its input closes the pipe: that is not the test's failure.
  child.stdin!.on('error', () => {});
  if (opts.input !== undefined) child.stdin!.write(opts.input);
  if (!opts.keepStdinOpen) child.stdin!.end();
  const done = new Promise<AsyncRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const runAsync = (args: string[], opts: Parameters<typeof start>[1] = {}) => start(args, opts).done;

/**
 * A copy of the built CLI (bin, dist, package.json) in a fresh world-readable directory: to break
 * on purpose, or to run as another user (`nobody`) whatever the permissions of the checkout.
 */
export function copyInstall(): { dir: string; bin: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-install-'));
  chmodSync(dir, 0o755);
  const root = dirname(dirname(BIN));
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
  return { dir, bin: join(dir, 'bin/mlflow-advisor.js') };
}

/** Root reads and writes regardless of permissions: as root, run the CLI as nobody to test them. */
export const asUnprivileged = (): Pick<SpawnOptions, 'uid' | 'gid'> => (process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});
