// Node's compile cache, as the CLI turns it on (src/cli/bin.ts, src/cli/cache-folder.ts). The rule:
// cached code runs only if this user produced it from exactly these bytes, and the CLI creates,
// writes or deletes nothing outside a folder that is its own. A cache only saves time: whatever
// is on disk, a run prints what a run without one prints.
// Each attack a shared machine allows is a test here: another user's folder, a planted cache, links
// where the cache would go, foreign files of any age, damaged cache bytes, an edited bundle, and
// odd environments. The cache exists on Node 22.1 and later only: those tests run on every such
// Node known to the suite (tests/helpers/nodes.ts) and are skipped, saying why, without one.
import { spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodes, withCompileCache, WHY_NO_NEW_NODE, type NodeBinary } from '../helpers/nodes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARGS = ['recommend', '--json', '--team-size', 'medium', '--needs', 'model-serving'];
const ROOTLESS = process.getuid?.() !== 0;
const WHY_ROOT = 'needs root, to make files that belong to another user';
const NOBODY = 65534;

let tmp: string;
let install: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-cache-'));
  chmodSync(tmp, 0o755);
  // A copy of the package, so the tests may edit it, readable by another user.
  install = join(tmp, 'install');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A new empty folder (mode 0700 unless said). */
function fresh(mode = 0o700): string {
  const dir = join(tmp, `d${n++}`);
  mkdirSync(dir, { mode });
  chmodSync(dir, mode);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI of the copy, with HOME as given and no cache variable of the test's own environment. */
function cli(node: string, home: string, args: string[] = ARGS, env: Record<string, string> = {}, opts: { cwd?: string; uid?: number } = {}): Run {
  const base: Record<string, string | undefined> = { ...process.env, HOME: home, TMPDIR: join(tmp, 'no-such-tmp') };
  for (const k of ['XDG_CACHE_HOME', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE', 'NODE_OPTIONS', 'NO_COLOR', 'FORCE_COLOR']) delete base[k];
  const r = spawnSync(node, [join(install, 'bin/mlflow-advisor.js'), ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
    cwd: opts.cwd ?? tmp,
    env: { ...base, ...env } as NodeJS.ProcessEnv,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every path under dir (relative), with its size and modification time: to show nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      out[relative(dir, p)] = s.isFile() ? `${s.size} ${s.mtimeMs} ${readFileSync(p).toString('base64')}` : `${s.mode.toString(8)} ${s.uid}`;
      if (s.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** The cache files Node wrote under a cache folder. */
const entries = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile()).map((p) => join(dir, p)) : []);

const all = nodes();
const cached = all.filter(withCompileCache);
const reference: Record<string, string> = {};
const referenceOf = (node: NodeBinary) => (reference[node.path] ??= cli(node.path, fresh(), ARGS, { NODE_DISABLE_COMPILE_CACHE: '1' }).stdout);

describe('what no Node version caches or touches', () => {
  it.each(all.map((node) => [node.version, node] as const))('nothing in the temporary directory, not even through links named as an older cache was (%s)', (_, node) => {
    const temp = fresh(0o777);
    const victim = join(fresh(), 'victim');
    writeFileSync(victim, 'keep me');
    // Names a hand-made cache once used there, as links to a file of the user's.
    symlinkSync(victim, join(temp, `mlflow-advisor-compile-cache-${process.getuid?.() ?? 0}`));
    symlinkSync(victim, join(temp, 'node-compile-cache'));
    const before = snapshot(temp);
    expect(cli(node.path, fresh(), ARGS, { TMPDIR: temp })).toEqual({ code: 0, stdout: referenceOf(node), stderr: '' });
    expect(snapshot(temp)).toEqual(before);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it.each(all.map((node) => [node.version, node] as const))('an odd TMPDIR changes nothing: /proc/self, a relative one (%s)', (_, node) => {
    const start = Date.now();
    expect(cli(node.path, fresh(), ARGS, { TMPDIR: '/proc/self' })).toEqual({ code: 0, stdout: referenceOf(node), stderr: '' });
    expect(Date.now() - start).toBeLessThan(15_000);
    const cwd = fresh();
    expect(cli(node.path, fresh(), ARGS, { TMPDIR: 'tmp' }, { cwd })).toEqual({ code: 0, stdout: referenceOf(node), stderr: '' });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each(all.map((node) => [node.version, node] as const))('Node options that make process settings read-only or warnings fatal change nothing (%s)', (_, node) => {
    for (const options of ['--no-deprecation', '--throw-deprecation', '--pending-deprecation', '--trace-deprecation', '--no-warnings', '--frozen-intrinsics --no-warnings', '--disallow-code-generation-from-strings']) {
      for (const args of [ARGS, ['--version']]) {
        const r = cli(node.path, fresh(), args, { NODE_OPTIONS: options });
        expect(r.stderr, options).toBe('');
        expect(r.code, options).toBe(0);
        if (args === ARGS) expect(r.stdout, options).toBe(referenceOf(node));
      }
    }
  });

  const old = all.filter((node) => !withCompileCache(node));
  it.skipIf(old.length === 0).each(old.map((node) => [node.version, node] as const))('no cache before Node 22.1: nothing made in the home folder (%s)', (_, node) => {
    const home = fresh();
    expect(cli(node.path, home)).toEqual({ code: 0, stdout: referenceOf(node), stderr: '' });
    expect(readdirSync(home)).toEqual([]);
  });
});

describe.runIf(cached.length === 0)('the compile cache', () => {
  it.skip(`is tested on Node >= 22.1 only: ${WHY_NO_NEW_NODE}`, () => {});
});

describe.each(cached.map((node) => [node.version, node] as const))('the compile cache on Node %s', (_, node) => {
  const run = (home: string, env: Record<string, string> = {}, args = ARGS, opts: { cwd?: string; uid?: number } = {}) => cli(node.path, home, args, env, opts);
  const ok = () => ({ code: 0, stdout: referenceOf(node), stderr: '' });

  it('lives in ~/.cache/mlflow-advisor, made 0700, and the next run reads it with the same output', () => {
    const home = fresh();
    expect(run(home)).toEqual(ok());
    const folder = join(home, '.cache', 'mlflow-advisor');
    expect(lstatSync(folder).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(home, '.cache')).mode & 0o777).toBe(0o700);
    const files = entries(folder);
    expect(files.length).toBeGreaterThan(0);
    expect(run(home)).toEqual(ok());
    expect(readdirSync(home)).toEqual(['.cache']);
  });

  it('in $XDG_CACHE_HOME/mlflow-advisor when that is absolute; a relative one is ignored, and nothing is made in the working folder', () => {
    const home = fresh();
    const xdg = fresh();
    expect(run(home, { XDG_CACHE_HOME: xdg })).toEqual(ok());
    expect(entries(join(xdg, 'mlflow-advisor')).length).toBeGreaterThan(0);
    expect(readdirSync(home)).toEqual([]);
    const cwd = fresh();
    expect(run(home, { XDG_CACHE_HOME: 'cache' }, ARGS, { cwd })).toEqual(ok());
    expect(readdirSync(cwd)).toEqual([]);
    expect(entries(join(home, '.cache', 'mlflow-advisor')).length).toBeGreaterThan(0);
  });

  it('is not used, and nothing is written, where others could write: a shared cache home or folder, or a writable folder above them', () => {
    const dir = (path: string, mode: number) => {
      mkdirSync(path, { recursive: true });
      chmodSync(path, mode);
    };
    for (const [what, setup] of [
      ['cache folder writable by others', (home: string) => (dir(join(home, '.cache'), 0o700), dir(join(home, '.cache', 'mlflow-advisor'), 0o777))],
      ['cache home writable by its group', (home: string) => dir(join(home, '.cache'), 0o770)],
      ['home writable by others, not sticky', (home: string) => chmodSync(home, 0o777)],
    ] as const) {
      const home = fresh();
      setup(home);
      const before = snapshot(home);
      expect(run(home), what).toEqual(ok());
      expect(snapshot(home), what).toEqual(before);
    }
  });

  it('a folder that is a link, even to a folder of the user, is not used', () => {
    const home = fresh();
    const target = fresh();
    mkdirSync(join(home, '.cache'), { mode: 0o700 });
    symlinkSync(target, join(home, '.cache', 'mlflow-advisor'));
    expect(run(home)).toEqual(ok());
    expect(readdirSync(target)).toEqual([]);
  });

  it.skipIf(ROOTLESS)(`another user's folder, there before the run or made by them at any time later, is never used (${ROOTLESS ? WHY_ROOT : 'as root'})`, () => {
    // There before: the folder belongs to nobody. Later: nobody could only make it if the cache
    // home let them, and a cache home others can write to is refused (above); here it is theirs.
    for (const theirs of [['.cache', 'mlflow-advisor'], ['.cache']]) {
      const home = fresh();
      mkdirSync(join(home, ...theirs), { recursive: true, mode: 0o700 });
      chownSync(join(home, ...theirs), NOBODY, NOBODY);
      const before = snapshot(home);
      expect(run(home), theirs.join('/')).toEqual(ok());
      expect(snapshot(home), theirs.join('/')).toEqual(before);
    }
    // A home that belongs to someone else (sudo keeps the user's HOME): root makes nothing there.
    const home = fresh();
    chownSync(home, NOBODY, NOBODY);
    expect(run(home)).toEqual(ok());
    expect(readdirSync(home)).toEqual([]);
  });

  it('a planted cache made from other bytes of the same length does not run: the bundle is compiled from source', () => {
    const home = fresh();
    const bundle = join(install, 'dist', 'advisor.cjs');
    const real = readFileSync(bundle);
    const pwned = join(fresh(0o777), 'PWNED');
    // The attacker's file: same path, same length, different code; its cache is made by running it.
    const evil = `require('node:fs').writeFileSync(${JSON.stringify(pwned)}, 'ran');/*`;
    writeFileSync(bundle, evil + ' '.repeat(real.length - evil.length - 2) + '*/');
    expect(readFileSync(bundle).length).toBe(real.length);
    try {
      run(home);
      expect(existsSync(pwned)).toBe(true);
      rmSync(pwned);
      expect(entries(join(home, '.cache', 'mlflow-advisor')).length).toBeGreaterThan(0);
    } finally {
      writeFileSync(bundle, real);
    }
    expect(run(home)).toEqual(ok());
    expect(existsSync(pwned)).toBe(false);
  });

  it('a same-length edit of the installed bundle takes effect at once, cache or not', () => {
    const home = fresh();
    const bundle = join(install, 'dist', 'advisor.cjs');
    const real = readFileSync(bundle, 'utf8');
    const version = JSON.parse(readFileSync(join(install, 'package.json'), 'utf8')).version as string;
    expect(run(home, {}, ['--version']).stdout.trim()).toBe(version);
    expect(run(home, {}, ['--version']).stdout.trim()).toBe(version);
    const patched = version.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(real.split(JSON.stringify(version)).length).toBe(2);
    writeFileSync(bundle, real.replace(JSON.stringify(version), JSON.stringify(patched)));
    try {
      expect(run(home, {}, ['--version']).stdout.trim()).toBe(patched);
    } finally {
      writeFileSync(bundle, real);
    }
    expect(run(home, {}, ['--version']).stdout.trim()).toBe(version);
  });

  it('damaged cache bytes never change the output: every flipped bit is caught and the code compiled again', () => {
    const home = fresh();
    expect(run(home)).toEqual(ok());
    const folder = join(home, '.cache', 'mlflow-advisor');
    const files = entries(folder);
    const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    const good = readFileSync(largest);
    // Positions spread over the file: its header, the code, its last byte.
    const size = good.length;
    const positions = [0, 4, 8, 12, 16, 20, 24, 28, 40, 64, 100, 1000, size >> 2, size >> 1, (3 * size) >> 2, size - 2, size - 1].filter((p) => p < size);
    for (const at of positions) {
      for (const bit of [0, 5]) {
        const bad = Buffer.from(good);
        bad[at]! ^= 1 << bit;
        writeFileSync(largest, bad);
        expect(run(home), `byte ${at} bit ${bit}`).toEqual(ok());
      }
    }
    // Cut short and emptied, too.
    for (const bytes of [good.subarray(0, size >> 1), Buffer.alloc(0)]) {
      writeFileSync(largest, bytes);
      expect(run(home)).toEqual(ok());
    }
  });

  it('never deletes or changes files it did not write, whatever their age, here or in NODE_COMPILE_CACHE', () => {
    const home = fresh();
    const folder = join(home, '.cache', 'mlflow-advisor');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const project = fresh();
    const year2000 = new Date('2000-01-01T00:00:00Z');
    for (const dir of [folder, project]) {
      for (const name of ['train.py', 'config.yaml', 'README.md', 'stale-cache.bin']) {
        writeFileSync(join(dir, name), `${name} of the user`);
        utimesSync(join(dir, name), year2000, year2000);
      }
    }
    const keep = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => !statSync(join(dir, f)).isDirectory()).map((f) => [f, snapshot(dir)[f]]));
    const inFolder = keep(folder);
    const inProject = keep(project);
    expect(run(home)).toEqual(ok());
    expect(run(home)).toEqual(ok());
    expect(keep(folder)).toEqual(inFolder);
    // Node's own variable: Node writes its cache there as the user asked; the CLI adds nothing.
    for (const value of ['.', project]) {
      const home2 = fresh();
      expect(run(home2, { NODE_COMPILE_CACHE: value }, ARGS, { cwd: project })).toEqual(ok());
      expect(keep(project)).toEqual(inProject);
      expect(readdirSync(home2)).toEqual([]);
    }
  });

  it('NODE_DISABLE_COMPILE_CACHE: no cache, nothing made', () => {
    const home = fresh();
    expect(run(home, { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual(ok());
    expect(readdirSync(home)).toEqual([]);
  });

  it('a cache folder it cannot write to changes nothing and is left as it was', () => {
    // As root, permissions are not enforced: the run is made as nobody, in a home of theirs.
    const uid = ROOTLESS ? undefined : NOBODY;
    const home = fresh();
    const folder = join(home, '.cache', 'mlflow-advisor');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o500);
    if (uid !== undefined) for (const p of [home, join(home, '.cache'), folder]) chownSync(p, uid, uid);
    expect(run(home, {}, ARGS, { uid })).toEqual(ok());
    expect(readdirSync(folder)).toEqual([]);
  });
});
