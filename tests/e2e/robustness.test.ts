// The faults of docs/robustness.md, each tried on the built binary: files never half written or
// replaced unasked, signals honoured in every state, exit codes as documented.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, writeSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../helpers/cli-async.js';
import { BIN, hasStack, run } from '../helpers/cli.js';
import { mkfifo } from '../helpers/fifo.js';

const STALL = fileURLToPath(new URL('../helpers/stall.py', import.meta.url));
const ANSWERS = '{"teamSize": "small", "tracking": "essential"}\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-robust-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder per test, so that "nothing else was written" can be checked by listing it. */
function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

describe('--output and --save never replace an input or each other', () => {
  it('--output onto the answers file: exit 2, the file intact, nothing on standard output', () => {
    const d = folder('same-input');
    const team = join(d, 'team.json');
    writeFileSync(team, ANSWERS);
    symlinkSync(team, join(d, 'link.json'));
    linkSync(team, join(d, 'hard.json'));
    for (const [answers, output] of [
      [team, team],
      [join(d, 'link.json'), team],
      [team, join(d, 'link.json')],
      [join(d, 'hard.json'), team],
      [join(d, '.', 'team.json'), team],
    ]) {
      const r = run(['recommend', '--answers', answers!, '--output', output!]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^mlflow-advisor: --output .*: is the answers file of this run \(--answers .*\); write to another file\.\n$/);
    }
    // Standard input that is the same file, too.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" recommend --answers - --output "${team}" < "${team}"`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is the answers file of this run \(--answers -\)/);
    expect(readFileSync(team, 'utf8')).toBe(ANSWERS);
    expect(readdirSync(d).sort()).toEqual(['hard.json', 'link.json', 'team.json']);
  });

  it('--output X --save X: exit 2, nothing written', () => {
    const d = folder('same-output');
    const r = run(['recommend', '--output', join(d, 'x.json'), '--save', join(d, '.', 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--save .*x\.json: is also the --output file of this run; give them different files\./);
    expect(readdirSync(d)).toEqual([]);
  });

  it('--save onto an existing file needs --force without a terminal; nothing is printed before it is refused', () => {
    const d = folder('save-force');
    const saved = join(d, 'team.json');
    writeFileSync(saved, 'keep me\n');
    const refused = run(['recommend', '--team-size', 'solo', '--save', saved]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/--save .*team\.json: exists; add --force to replace it\./);
    expect(readFileSync(saved, 'utf8')).toBe('keep me\n');

    const forced = run(['recommend', '--team-size', 'solo', '--save', saved, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(saved, 'utf8')).teamSize).toBe('solo');
    expect(readdirSync(d)).toEqual(['team.json']);
  });

  it("a team's --save needs --force over an existing file; --member adds to its team file without it", () => {
    const d = folder('team-save');
    writeFileSync(join(d, 'alice.json'), '{"teamSize": "small"}');
    writeFileSync(join(d, 'bob.json'), '{"teamSize": "large"}');
    writeFileSync(join(d, 'team.json'), '{"members": [{"name": "carol", "answers": {}}]}\n');
    const team = ['recommend', '--json', '--answers', join(d, 'alice.json'), '--answers', join(d, 'bob.json'), '--save', join(d, 'team.json')];
    const refused = run(team);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(/team\.json: exists; add --force to replace it\./);
    expect(run([...team, '--force']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'team.json'), 'utf8')).members.map((m: { name: string }) => m.name)).toEqual(['alice', 'bob']);

    const added = run(['recommend', '--json', '--team-size', 'solo', '--member', 'dave', '--save', join(d, 'team.json')]);
    expect(added.code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'team.json'), 'utf8')).members.map((m: { name: string }) => m.name)).toEqual(['alice', 'bob', 'dave']);
    // The answers file of a member is never the team file written.
    const clash = run(['recommend', '--answers', join(d, 'team.json'), '--answers', join(d, 'bob.json'), '--save', join(d, 'team.json'), '--force']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/is the answers file of this run/);
    expect(readdirSync(d).sort()).toEqual(['alice.json', 'bob.json', 'team.json']);
  });

  it('--save into a missing folder is refused before the result is printed', () => {
    const r = run(['recommend', '--save', join(dir, 'no', 'such', 'team.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--save .*team\.json: no such folder: /);
  });
});

describe('--output names', () => {
  it('-o - is standard output, and writes no file named -', () => {
    const d = folder('dash');
    const r = run(['recommend', '--json', '-o', '-'], { cwd: d });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(readdirSync(d)).toEqual([]);
    // /dev/stdout on a pipe: a link to a pipe with no path, written through.
    const through = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" recommend --json -o /dev/stdout | cat`], { encoding: 'utf8', cwd: d });
    expect(through.status).toBe(0);
    expect(JSON.parse(through.stdout).schemaVersion).toBe(1);
    // On a socket (how Node spawns), which no path opens: said before anything is written.
    const socket = run(['recommend', '--json', '-o', '/dev/stdout'], { cwd: d });
    expect(socket).toMatchObject({ code: 2, stdout: '', stderr: 'mlflow-advisor: --output /dev/stdout: is a socket and cannot be opened by name; use -o - for standard output.\n' });
  });

  it("-o '' and --save '' say a name is needed", () => {
    expect(run(['recommend', '-o', ''])).toMatchObject({ code: 2, stdout: '', stderr: 'mlflow-advisor: --output: needs a file name, or - for standard output.\n' });
    expect(run(['recommend', '--save', ''])).toMatchObject({ code: 2, stdout: '', stderr: 'mlflow-advisor: --save: needs a file name.\n' });
  });

  it('a dangling symbolic link is named as one; a link to a file is written through and kept', () => {
    const d = folder('links');
    symlinkSync(join(d, 'missing', 'adr.md'), join(d, 'dangling.md'));
    const r = run(['recommend', '-o', join(d, 'dangling.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dangling\.md: a symbolic link to .*missing\/adr\.md, which does not exist; create it or remove the link\./);

    writeFileSync(join(d, 'real.md'), 'old\n');
    chmodSync(join(d, 'real.md'), 0o640);
    symlinkSync('real.md', join(d, 'link.md'));
    expect(run(['recommend', '--format', 'markdown', '-o', join(d, 'link.md')]).code).toBe(0);
    expect(lstatSync(join(d, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'real.md'), 'utf8')).toMatch(/^# Adopt /);
    // The replaced file keeps its permissions.
    expect(statSync(join(d, 'real.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['dangling.md', 'link.md', 'real.md']);
  });

  it('success messages escape control characters in the path, as errors do', () => {
    const d = folder('controls');
    const name = join(d, 'a\u001b]0;X\u0007\u001b[2J.md');
    const r = run(['recommend', '-o', name, '--save', join(d, 'b\u001b[31m.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Wrote ' + d + '/a\\x1b]0;X\\x07\\x1b[2J.md\n');
    expect(r.stderr).toContain('Saved answers to ' + d + '/b\\x1b[31m.json');
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});

describe('exit codes of failed writes', () => {
  it('-o /dev/full (a full device) is exit 1 with one line, nothing on standard output', () => {
    const r = run(['recommend', '-o', '/dev/full']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mlflow-advisor: /dev/full: not written (no space left on the device).\n');
  });

  describe('on a small full file system (tmpfs)', () => {
    let mnt: string | undefined;
    let why = '';
    beforeAll(() => {
      const path = join(dir, 'tmpfs');
      mkdirSync(path);
      const mounted = process.platform === 'linux' && process.getuid?.() === 0 ? spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', path], { encoding: 'utf8' }) : undefined;
      if (mounted?.status === 0) mnt = path;
      else why = mounted ? `mount -t tmpfs failed: ${(mounted.stderr || String(mounted.error)).trim()}` : 'needs root on Linux to mount a tmpfs';
    });
    afterAll(() => {
      if (mnt) spawnSync('umount', [mnt]);
    });

    it('--output over an existing file: exit 1, the old file intact, no temp file left', (ctx) => {
      if (!mnt) return ctx.skip(why);
      const adr = join(mnt, 'adr.md');
      writeFileSync(adr, 'the old record\n');
      fill(mnt);
      const r = run(['recommend', '--format', 'markdown', '--output', adr]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^mlflow-advisor: .*adr\.md: not written \(no space left on the device\); the previous file is unchanged\.\n$/);
      expect(readFileSync(adr, 'utf8')).toBe('the old record\n');
      expect(readdirSync(mnt).sort()).toEqual(['adr.md', 'filler']);
    });

    it('--save failing after the result is printed: exit 1, not 2', (ctx) => {
      if (!mnt) return ctx.skip(why);
      rmSync(join(mnt, 'adr.md'), { force: true });
      fill(mnt);
      const r = run(['recommend', '--json', '--save', join(mnt, 'team.json')]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
      expect(r.stderr).toMatch(/team\.json: not written \(no space left on the device\)\.\n$/);
      expect(readdirSync(mnt).sort()).not.toContain('team.json');
      expect(readdirSync(mnt).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });

  it.each(['8640000000001', '8640000000000', '253402300800', '-1', 'yesterday', '1e9', ' '])('SOURCE_DATE_EPOCH=%j is exit 2 naming the variable and the range', (value) => {
    const r = run(['recommend', '--format', 'markdown'], { env: { SOURCE_DATE_EPOCH: value } });
    if (value.trim() === '') {
      expect(r.code).toBe(2);
      return;
    }
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^mlflow-advisor: SOURCE_DATE_EPOCH: ".*" is not a Unix time in whole seconds from 0 to 253402300799 \(9999-12-31\)/);
  });

  it('SOURCE_DATE_EPOCH at the end of the range is taken', () => {
    const r = run(['recommend', '--format', 'markdown'], { env: { SOURCE_DATE_EPOCH: '253402300799' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9999-12-31');
  });
});

describe('signals end the run in every state', () => {
  const python = spawnSync('python3', ['--version']).status === 0;

  it.for(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s while blocked writing to a pipe nobody reads', (signal, ctx) => {
    if (!python || process.platform !== 'linux') return ctx.skip('needs python3 on Linux to shrink a pipe');
    const r = spawnSync('python3', [STALL, signal, '--', process.execPath, BIN, 'recommend', '--json'], { encoding: 'utf8', timeout: 30_000 });
    const [state, code, seconds] = r.stdout.trim().split(' ');
    expect(state).toBe('blocked');
    // Killed by the signal itself (a shell shows 128 + N), not a clean exit once the reader goes.
    expect(Number(code)).toBe(-{ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal]);
    expect(Number(seconds)).toBeLessThan(5);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s while --output waits for a reader of a FIFO: no file left behind', async (signal) => {
    const d = folder(`fifo-${signal}`);
    const fifo = mkfifo(d, 'out');
    const { child, done } = start(['recommend', '--output', fifo]);
    // The CLI opens the FIFO and waits there; give it time to get there (a signal before is fine too).
    await waitForOpen(child.pid!, fifo);
    child.kill(signal);
    const r = await done;
    expect(r.signal).toBe(signal);
    expect(r.stdout).toBe('');
    expect(hasStack(r.stderr)).toBe(false);
    expect(readdirSync(d)).toEqual(['out']);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a signal at any moment of a run (start-up, parsing, computing, writing) ends it by that signal, or finds it done', async () => {
    const d = folder('any-moment');
    writeFileSync(join(d, 'team.yaml'), 'teamSize: small\ntracking: essential\n');
    const runs = Array.from({ length: 12 }, (_, i) => {
      const out = join(d, `out-${i}.md`);
      const { child, done } = start(['recommend', '--answers', join(d, 'team.yaml'), '--format', 'markdown', '--output', out]);
      const signal = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const)[i % 3]!;
      setTimeout(() => child.kill(signal), i * 40);
      return done.then((r) => ({ r, signal, out }));
    });
    for (const { r, signal, out } of await Promise.all(runs)) {
      if (r.signal === null) {
        // Done before the signal came: a whole file.
        expect(r.code).toBe(0);
        expect(readFileSync(out, 'utf8')).toMatch(/^# Adopt [\s\S]*\n$/);
      } else {
        expect(r.signal).toBe(signal);
        // Either no file or a whole one (a signal during the write waits for the rename).
        if (existsSync(out)) expect(readFileSync(out, 'utf8')).toMatch(/^# Adopt /);
      }
      expect(hasStack(r.stderr)).toBe(false);
    }
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--output to a FIFO with a reader is written in place', async () => {
    const d = folder('fifo-read');
    const fifo = mkfifo(d, 'out');
    const { done } = start(['recommend', '--json', '--output', fifo]);
    const reader = spawnSync('cat', [fifo], { encoding: 'utf8', timeout: 20_000 });
    expect((await done).code).toBe(0);
    expect(JSON.parse(reader.stdout).schemaVersion).toBe(1);
    expect(readdirSync(d)).toEqual(['out']);
  });
});

/** Fills a small file system to its last byte. */
function fill(mnt: string): void {
  const fd = openSync(join(mnt, 'filler'), 'a');
  try {
    for (;;) writeSync(fd, Buffer.alloc(512));
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
}

/** Resolves once the process has started opening `path` (Linux: its syscall shows in /proc), or after a second. */
async function waitForOpen(pid: number, path: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      // Blocked in open(2) of a FIFO: the kernel's wait channel is wait_for_partner (fifo_open before).
      const wchan = readFileSync(`/proc/${pid}/wchan`, 'utf8');
      if (/fifo|partner/i.test(wchan)) return;
    } catch {
      // not on Linux, or gone
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(existsSync(path)).toBe(true);
}
