// Hostile environments against the built binary: no terminal, broken pipes, full disks, signals,
// colour variables, narrow terminals, huge and non-ASCII arguments, a broken installation.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, expect as globalExpect, it, type ExpectStatic } from 'vitest';
import { visibleWidth } from '../../src/render/table.js';
import { asUnprivileged, copyInstall, runAsync, start, testEnv, type AsyncRun } from '../helpers/cli-async.js';
import { BIN, hasStack, run, type Run } from '../helpers/cli.js';
import { mkfifo as makeFifo } from '../helpers/fifo.js';

const ROOT = dirname(dirname(BIN));
const ESC = '\u001b[';
const BOX = /[─│┌┐└┘├┤┼]/;

function expectOneLineError(r: Run, code: number, message: RegExp, expect: ExpectStatic = globalExpect): void {
  expect(r.stderr.trimEnd()).toMatch(message);
  expect(r.code).toBe(code);
  expect(hasStack(r.stderr)).toBe(false);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-env-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const mkfifo = (name: string) => makeFifo(tmp, name);

describe('no terminal', () => {
  it.each([[[]], [['recommend']], [['recommend', '--json']]])('%j never prompts and never waits on an open standard input', async (args) => {
    // Standard input stays open and silent: a prompt or a read would hang until the test times out.
    const { child, done } = start(args, { keepStdinOpen: true });
    const r = await done;
    child.stdin!.destroy();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(args.includes('--json') ? /^\{/ : /^Recommended: /);
  });
});

describe('broken standard output', () => {
  it('| head -c 10: the reader gets its bytes and nothing complains', () => {
    const r = spawnSync('bash', ['-c', '"$0" "$1" recommend | head -c 10; exit "${PIPESTATUS[0]}"', process.execPath, BIN], { encoding: 'utf8', env: testEnv() });
    expect(r.stdout).toBe('Recommende');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a pipe whose reader is gone before the first write (EPIPE): exits 0 quietly', async () => {
    // A FIFO opened for writing after its only reader closed: every write fails with EPIPE.
    const fifo = mkfifo('no-reader');
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    closeSync(reader);
    try {
      for (const args of [['compare'], ['recommend', '--json']]) {
        const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: testEnv(), stdio: ['pipe', writer, 'pipe'] });
        expect(r.stderr, args.join(' ')).toBe('');
        expect(r.status).toBe(0);
      }
    } finally {
      closeSync(writer);
    }
  });

  it('a closed standard output: exits 0 quietly', () => {
    const r = spawnSync('bash', ['-c', '"$0" "$1" recommend >&-', process.execPath, BIN], { encoding: 'utf8', env: testEnv() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('unexpected failures (exit 1)', () => {
  // A full disk is no input error: it is the honest way to reach the "unexpected" path.
  const full = (args: string[]) => spawnSync('bash', ['-c', '"$0" "$@" > /dev/full', process.execPath, BIN, ...args], { encoding: 'utf8', env: testEnv() });

  it('standard output on a full disk: one line, the --debug hint, no stack', () => {
    expect(existsSync('/dev/full')).toBe(true);
    const r = full(['recommend', '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'mlflow-advisor: unexpected failure: standard output: ENOSPC: no space left on device, write\n' +
        'Run again with --debug to see the stack trace, and report it if it persists.\n',
    );
  });

  it('with --debug anywhere on the line, the stack is printed', () => {
    const r = full(['recommend', '--json', '--debug']);
    expect(r.status).toBe(1);
    // --debug also times the engine, on a line of its own before the failure.
    expect(r.stderr).toMatch(/^debug: recommend\(\) took [\d.]+ ms .*\nmlflow-advisor: unexpected failure: standard output: ENOSPC/);
    expect(hasStack(r.stderr)).toBe(true);
    expect(r.stderr).not.toContain('Run again with --debug');
  });

  describe('a broken installation (a lazily loaded part is missing)', () => {
    let install: ReturnType<typeof copyInstall>;
    let bin: string;
    beforeAll(() => {
      install = copyInstall();
      bin = install.bin;
      // The table renderer (chalk, cli-table3) is a file of its own, loaded by table output only.
      const lazy = join(install.dir, 'dist/lazy');
      expect(readdirSync(lazy)).toContain('render.cjs');
      rmSync(join(lazy, 'render.cjs'));
    });
    afterAll(() => rmSync(install.dir, { recursive: true, force: true }));

    it('the paths that need it fail with one line and the hint; the others still work', async () => {
      const broken = await start(['recommend', '--format', 'table'], { bin }).done;
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toMatch(/^mlflow-advisor: unexpected failure: Cannot find module '.*render\.cjs'.*\nRun again with --debug/);
      expect(hasStack(broken.stderr)).toBe(false);
      expect((await start(['recommend', '--json'], { bin }).done).code).toBe(0);
    });

    it('--debug prints the stack', async () => {
      const r = await start(['recommend', '--format', 'table', '--debug'], { bin }).done;
      expect(r.code).toBe(1);
      expect(hasStack(r.stderr)).toBe(true);
    });
  });
});

describe('signals while waiting for input', () => {
  // Nothing to undo while waiting: the signal's default action ends the run, so the caller (a
  // shell shows 128 + N: 130, 143) learns that the run was interrupted.
  const signalled = (r: AsyncRun, signal: NodeJS.Signals) => {
    expect(r.signal).toBe(signal);
    expect(r.code).toBeNull();
    expect(r.stdout).toBe('');
    expect(hasStack(r.stderr)).toBe(false);
  };

  /** Resolves once the CLI has its standard input open for reading (Linux: /proc shows O_NONBLOCK). */
  async function readingStdin(pid: number): Promise<void> {
    for (;;) {
      const info = readFileSync(`/proc/${pid}/fdinfo/0`, 'utf8');
      const flags = parseInt(/flags:\s+(\d+)/.exec(info)![1]!, 8);
      if (flags & constants.O_NONBLOCK) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Resolves once the CLI holds the FIFO open (Linux: a link in /proc/PID/fd). */
  async function holding(pid: number, path: string): Promise<void> {
    for (;;) {
      const links = readdirSync(`/proc/${pid}/fd`).map((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      });
      if (links.includes(path)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s during --answers - on a pipe that never closes', async (signal) => {
    expect(existsSync('/proc/self/fdinfo')).toBe(true);
    const { child, done } = start(['recommend', '--answers', '-'], { keepStdinOpen: true, input: '{"teamSize": ' });
    await readingStdin(child.pid!);
    child.kill(signal);
    const r = await done;
    signalled(r, signal);
    expect(r.stderr).toBe('');
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s while waiting for a writer on a FIFO (--answers <(slow command))', async (signal) => {
    const fifo = mkfifo(`answers-${signal}`);
    const { child, done } = start(['recommend', '--answers', fifo]);
    await holding(child.pid!, fifo);
    child.kill(signal);
    signalled(await done, signal);
  });

  it('a FIFO is read once its writer writes', async () => {
    const fifo = mkfifo('answers-written');
    const { child, done } = start(['recommend', '--json', '--answers', fifo]);
    await holding(child.pid!, fifo);
    writeFileSync(fifo, '{"teamSize": "large"}');
    const r = await done;
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).answers.teamSize).toBe('large');
  });
});

// Tables of independent runs go concurrently (vitest gives one worker on two cores): each test
// uses its own expect.
describe.concurrent('colour', () => {
  it.for([
    ['no variables (not a terminal)', {}, false],
    ['FORCE_COLOR=1', { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR empty', { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false],
    ['NO_COLOR=1', { NO_COLOR: '1' }, false],
    ['NO_COLOR=1 and FORCE_COLOR=1: NO_COLOR wins', { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['an empty NO_COLOR is not set (no-color.org)', { NO_COLOR: '', FORCE_COLOR: '1' }, true],
    ['TERM=dumb', { TERM: 'dumb' }, false],
    ['TERM=dumb and FORCE_COLOR=1: forcing wins', { TERM: 'dumb', FORCE_COLOR: '1' }, true],
  ] as const)('%s', async ([, env, coloured], { expect }) => {
    const commands = [['recommend'], ['compare'], ['explain', 'mlflow']];
    const runs = await Promise.all(commands.map((args) => runAsync(args, { env })));
    runs.forEach((r, i) => {
      expect(r.code).toBe(0);
      expect(r.stdout.includes(ESC), commands[i]!.join(' ')).toBe(coloured);
    });
  });

  it('never in JSON, markdown, files or messages, even when forced', () => {
    const env = { FORCE_COLOR: '3' };
    const json = run(['recommend', '--json'], { env });
    expect(json.stdout).not.toContain(ESC);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    for (const args of [['compare', '--json'], ['recommend', '--format', 'markdown'], ['schema'], ['questions']]) {
      expect(run(args, { env }).stdout, args.join(' ')).not.toContain(ESC);
    }
    const out = join(tmp, 'forced.txt');
    expect(run(['recommend', '--output', out], { env }).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain(ESC);
    expect(run(['recommend', '--team-size', 'huge'], { env }).stderr).not.toContain(ESC);
  });
});

describe.concurrent('narrow terminals', () => {
  // A table row the terminal wraps is unreadable, and so is prose it breaks mid-word: every line
  // fits (a word that cannot be cut, a URL, excepted), and a table that cannot becomes a list.
  it.for([40, 60, 80, 120])('COLUMNS=%i: every line fits', async (columns, { expect }) => {
    for (const args of [['recommend'], ['recommend', '--detail'], ['compare'], ['explain', 'kubeflow'], ['questions']]) {
      const r = await runAsync(args, { env: { COLUMNS: String(columns) } });
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      for (const line of lines) if (!/^\s*\S+( \\)?$/.test(line)) expect(visibleWidth(line), `${args}: ${line}`).toBeLessThanOrEqual(columns);
      const table = lines.filter((l) => BOX.test(l));
      if (columns >= 120 && args[0] === 'compare') expect(table.length, `${args} has a table at ${columns}`).toBeGreaterThan(0);
      if (columns <= 40) expect(table, `${args} is a list at ${columns}`).toEqual([]);
    }
  });

  it('COLUMNS=40: the ranking still names every tool with its score', () => {
    const r = run(['recommend'], { env: { COLUMNS: '40' } });
    for (const tool of ['Apache Airflow', 'Metaflow', 'Kubeflow', 'MLflow']) expect(r.stdout).toMatch(new RegExp(`^  \\d  ${tool} +\\d+(\\.\\d)? `, 'm'));
  });

  it('a nonsense COLUMNS is ignored', () => {
    for (const COLUMNS of ['abc', '0', '-5', '']) expect(run(['recommend'], { env: { COLUMNS } }).code).toBe(0);
  });
});

describe.concurrent('very long arguments (100 KB)', () => {
  const long = 'x'.repeat(100_000);
  it.for([
    ['a flag value', ['recommend', '--team-size', long], /^mlflow-advisor: --team-size: "x+…\(100000 characters\)…x+" is not allowed; use one of: solo, small, medium, large\.$/],
    ['a list value', ['recommend', '--needs', `lineage,${long}`], /^mlflow-advisor: --needs: "x+…\(100000 characters\)…x+" is not allowed; use any of: /],
    ['a value with spaces', ['recommend', '--cloud', 'ab '.repeat(33_000)], /^mlflow-advisor: --cloud: "ab ab .*…\(99000 characters\)….*" is not allowed; use one of: aws, gcp/],
    ['a --format', ['recommend', '--format', long], /^mlflow-advisor: --format: "x+…\(100000 characters\)…x+" is not a format; use one of: table, json, markdown, html \(or md for markdown\)\.$/],
    ['an option name', ['recommend', `--${long}`], /^mlflow-advisor: unknown option '--x+…\(100004 characters\)…x+'$/],
    ['a command', [long], /^mlflow-advisor: unknown command "x+…\(100003 characters\)…x+"\. Commands: recommend, /],
    ['a tool', ['explain', long], /^mlflow-advisor: unknown tool "x+…\(100003 characters\)…x+"; use one of: airflow, metaflow, kubeflow, mlflow\.$/],
    ['an answers file name', ['recommend', '--answers', long], /^mlflow-advisor: x+…\(100001 characters\)…x+: the file name is too long\.$/],
  ] as const)('%s: one clipped line', async ([, args, message], { expect }) => {
    const r = await runAsync([...args]);
    expectOneLineError(r, 2, message, expect);
    expect(r.stderr.length).toBeLessThan(400);
  });
});

describe.concurrent('non-ASCII and control characters in input', () => {
  it.for([
    ['a value', ['recommend', '--team-size', 'größe'], /--team-size: "größe" is not allowed; use one of: solo/],
    ['a list item', ['recommend', '--needs', 'lineage,日本語'], /--needs: "日本語" is not allowed; use any of: /],
    ['a tool', ['explain', 'млфлоу'], /unknown tool "млфлоу"; use one of: airflow/],
    ['a command', ['рекомендация'], /unknown command "рекомендация"\. Commands: recommend/],
    ['an option', ['recommend', '--größe'], /unknown option '--größe'/],
    ['a terminal escape sequence', ['recommend', '--team-size', '\u001b[2J\u001b[31mred'], /--team-size: "\\x1b\[2J\\x1b\[31mred" is not allowed/],
    ['a bidi override', ['explain', 'mlflow\u202e'], /unknown tool "mlflow\\u202e"; use one of:/],
    ['a newline', ['recommend', '--budget', 'moderate\nfree'], /--budget: "moderate\\nfree" is not allowed/],
  ] as const)('%s is echoed readably and safely', async ([, args, message], { expect }) => {
    const r = await runAsync([...args]);
    expectOneLineError(r, 2, message, expect);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('a non-ASCII path for --output works', () => {
    const out = join(tmp, 'décision 決定.md');
    const r = run(['recommend', '--format', 'markdown', '--output', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Adopt /);
  });
});

describe('a file the CLI cannot write', () => {
  it('--output into a missing directory or a directory: exit 2 naming the path', () => {
    expectOneLineError(run(['recommend', '--output', join(tmp, 'nowhere', 'x.md')]), 2, /--output .*nowhere\/x\.md: no such folder: .*nowhere$/);
    expectOneLineError(run(['recommend', '--save', tmp]), 2, /--save .*: is a directory; name a file in it\./);
  });

  it('--output into a read-only directory: permission denied', () => {
    const locked = join(tmp, 'locked');
    cpSync(join(ROOT, 'package.json'), join(locked, 'p.json'));
    chmodSync(locked, 0o555);
    chmodSync(tmp, 0o755);
    const install = copyInstall();
    try {
      const r = spawnSync(process.execPath, [install.bin, 'recommend', '--output', join(locked, 'x.md')], { encoding: 'utf8', env: testEnv(), cwd: install.dir, ...asUnprivileged() });
      expectOneLineError({ code: r.status, stdout: r.stdout, stderr: r.stderr }, 2, /locked\/x\.md: permission denied: cannot create files in .*locked$/);
    } finally {
      rmSync(install.dir, { recursive: true, force: true });
    }
  });
});
