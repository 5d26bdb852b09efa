// The code cache (src/cli/compile-cache.ts) speeds runs up and must never change one: a missing,
// corrupt, foreign or unwritable cache gives the same output and exit code, and nothing on
// standard error.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-cache-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARGS = ['recommend', '--json', '--team-size', 'medium'];
let reference: string;

describe('the code cache', () => {
  beforeAll(() => {
    reference = run(ARGS, { NODE_DISABLE_COMPILE_CACHE: '1' }).stdout;
    expect(JSON.parse(reference)).toHaveProperty('recommendation');
  });

  it('is written by the first run that ends well, one file per build, command and Node, and read by the next', () => {
    const dir = join(tmp, 'fresh');
    expect(run(ARGS, { NODE_COMPILE_CACHE: dir })).toEqual({ code: 0, stdout: reference, stderr: '' });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d+\\.\\d+\\.\\d+-[0-9a-f]{16}-recommend-${process.version}-${process.arch}(-[0-9a-f]{8})?\\.bin$`));
    const written = statSync(join(dir, files[0]!)).mtimeMs;
    expect(statSync(join(dir, files[0]!)).size).toBeGreaterThan(10_000);
    expect(run(ARGS, { NODE_COMPILE_CACHE: dir })).toEqual({ code: 0, stdout: reference, stderr: '' });
    // Accepted, so not written again.
    expect(statSync(join(dir, files[0]!)).mtimeMs).toBe(written);
    run(['compare', '--json'], { NODE_COMPILE_CACHE: dir });
    expect(readdirSync(dir).filter((f) => f.includes('-compare-'))).toHaveLength(1);
  });

  it('the lazily loaded parts (tables, YAML) get caches of their own, and give the same output', () => {
    const dir = join(tmp, 'lazy');
    const table = run(['recommend', '--team-size', 'medium'], { NODE_COMPILE_CACHE: dir, NO_COLOR: '1' });
    expect(table.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('-recommend-lazy-render-'))).toHaveLength(1);
    expect(run(['recommend', '--team-size', 'medium'], { NODE_COMPILE_CACHE: dir, NO_COLOR: '1' })).toEqual(table);
    expect(run(['recommend', '--team-size', 'medium'], { NODE_DISABLE_COMPILE_CACHE: '1', NO_COLOR: '1' })).toEqual(table);
  });

  it('a corrupt or foreign cache file changes nothing and is replaced', () => {
    const dir = join(tmp, 'corrupt');
    run(ARGS, { NODE_COMPILE_CACHE: dir });
    const file = join(dir, readdirSync(dir)[0]!);
    for (const junk of [Buffer.from('not a cache'), Buffer.alloc(300_000, 0xab), Buffer.alloc(0)]) {
      writeFileSync(file, junk);
      expect(run(ARGS, { NODE_COMPILE_CACHE: dir })).toEqual({ code: 0, stdout: reference, stderr: '' });
      expect(readFileSync(file).equals(junk)).toBe(false);
    }
  });

  it('an unwritable or impossible cache directory changes nothing', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    expect(run(ARGS, { NODE_COMPILE_CACHE: join(file, 'cache') })).toEqual({ code: 0, stdout: reference, stderr: '' });
    if (process.getuid?.() !== 0) {
      const locked = join(tmp, 'locked');
      mkdirSync(locked, { mode: 0o500 });
      expect(run(ARGS, { NODE_COMPILE_CACHE: locked })).toEqual({ code: 0, stdout: reference, stderr: '' });
      chmodSync(locked, 0o700);
    }
  });

  it('is neither read nor written in a directory that others can write or that is not ours', () => {
    const shared = join(tmp, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(run(ARGS, { NODE_COMPILE_CACHE: shared })).toEqual({ code: 0, stdout: reference, stderr: '' });
    expect(readdirSync(shared)).toEqual([]);
    if (process.getuid?.() === 0) {
      // As root, a directory that belongs to somebody else.
      const foreign = join(tmp, 'foreign');
      mkdirSync(foreign, { mode: 0o700 });
      chownSync(foreign, 65534, 65534);
      expect(run(ARGS, { NODE_COMPILE_CACHE: foreign })).toEqual({ code: 0, stdout: reference, stderr: '' });
      expect(readdirSync(foreign)).toEqual([]);
    }
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off, and a failed run leaves none', () => {
    const dir = join(tmp, 'off');
    expect(run(ARGS, { NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe(reference);
    const failed = run(['recommend', '--team-size', 'huge'], { NODE_COMPILE_CACHE: dir });
    expect(failed.code).toBe(2);
    expect(() => readdirSync(dir)).toThrow();
  });

  it("other builds' files go once a week old; this build's and recent ones stay", () => {
    const dir = join(tmp, 'stale');
    mkdirSync(dir);
    const old = join(dir, '0.0.1-0123456789abcdef-recommend-v20.0.0-x64.bin');
    const recent = join(dir, '0.0.2-0123456789abcdef-recommend-v20.0.0-x64.bin');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    const eightDaysAgo = Date.now() / 1000 - 8 * 24 * 3600;
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    run(ARGS, { NODE_COMPILE_CACHE: dir });
    const left = readdirSync(dir);
    expect(left).not.toContain('0.0.1-0123456789abcdef-recommend-v20.0.0-x64.bin');
    expect(left).toContain('0.0.2-0123456789abcdef-recommend-v20.0.0-x64.bin');
    expect(left.filter((f) => f.includes(`-recommend-${process.version}-${process.arch}`))).toHaveLength(1);
  });

  it('keeps a cache per set of Node options, so runs with and without them do not replace each other', () => {
    const dir = join(tmp, 'options');
    const withOptions = (options: string) => spawnSync(process.execPath, [...options.split(' ').filter(Boolean), CLI, ...ARGS], { encoding: 'utf8', input: '', env: { ...process.env, NODE_COMPILE_CACHE: dir, NODE_OPTIONS: '' } });
    expect(withOptions('').stdout).toBe(reference);
    expect(withOptions('--max-old-space-size=200').stdout).toBe(reference);
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
