// Spawns the built CLI the way users and CI run it.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/mlflow-advisor.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The spawned CLI's temp folder: the suite's own (tests/setup/build.ts), never the system's.
 * HOME and XDG_CACHE_HOME are the suite's too, set there for every process the tests start.
 */
export const CLI_TMPDIR = process.env.MLFLOW_ADVISOR_TEST_TMPDIR;

export function run(args: string[], opts: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, TMPDIR: CLI_TMPDIR ?? process.env.TMPDIR, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const options: SpawnSyncOptions = {
    encoding: 'utf8',
    timeout: 20_000,
    env: env as NodeJS.ProcessEnv,
    cwd: opts.cwd,
    input: opts.input ?? '',
  };
  const r = spawnSync(process.execPath, [BIN, ...args], options);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A stack trace looks like "    at fn (file:line:col)". */
export const hasStack = (s: string) => /^\s+at .+[(:]\S+:\d+/m.test(s);
