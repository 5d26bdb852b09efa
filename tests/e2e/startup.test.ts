// What a run loads, read from inside the process: the files of the package it requires and the
// Node built-ins it starts. Structure, not timings: the figures come from `npm run bench`.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.cjs');

let dir: string;
let probe: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-startup-'));
  probe = join(dir, 'probe.cjs');
  // Preloaded with --require: at exit, report every file required or read (the entry reads its
  // bundle and the lazy parts itself, to compile them through the code cache) and every built-in.
  writeFileSync(
    probe,
    `const fs = require('node:fs'); const read = fs.readFileSync; const seen = new Set();
fs.readFileSync = function (path, ...rest) { if (typeof path === 'string') seen.add(path); return read.call(this, path, ...rest); };
process.on('exit', () => { fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify({ files: [...new Set([...Object.keys(require.cache), ...seen])], builtins: process.moduleLoadList })); });\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loads(args: string[]): { files: string[]; builtins: string[]; stdout: string } {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--require', probe, CLI, ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
    env: { ...process.env, PROBE_OUT: out, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const seen = JSON.parse(readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] };
  return {
    // Files of the package only: the code cache lives outside it.
    files: seen.files.filter((f) => f !== probe).map((f) => relative(ROOT, f).split('\\').join('/')).filter((f) => !f.startsWith('..')),
    builtins: seen.builtins,
    stdout: r.stdout,
  };
}

describe('start-up', () => {
  it('recommend --json reads the entry and the bundle of the package, and no package from node_modules', () => {
    const run = loads(['recommend', '--json', '--no-interactive']);
    expect(JSON.parse(run.stdout)).toHaveProperty('recommendation');
    expect(run.files).toEqual(['dist/cli.cjs', 'dist/cli-main.cjs']);
  });

  it('recommend --json starts no stream, and neither child_process, fs/promises, tty, net nor v8, with answers from flags or a file', () => {
    const file = join(dir, 'team.json');
    writeFileSync(file, '{"teamSize": "large"}');
    for (const args of [['--team-size', 'large'], ['--answers', file]]) {
      const run = loads(['recommend', '--json', ...args]);
      expect(JSON.parse(run.stdout).answers.teamSize).toBe('large');
      for (const m of ['child_process', 'fs/promises', 'tty', 'net', 'stream', 'v8']) expect(run.builtins, args.join(' ')).not.toContain(`NativeModule ${m}`);
    }
  });

  // Linux only: elsewhere /dev/null is still asked of node:tty (src/cli/io.ts).
  it.skipIf(process.platform !== 'linux')('output to /dev/null is no terminal, and is told without loading tty', () => {
    const out = join(dir, `out-devnull.json`);
    const devNull = openSync('/dev/null', 'w');
    const r = spawnSync(process.execPath, ['--require', probe, CLI, 'recommend', '--json', '--expect', 'metaflow'], {
      encoding: 'utf8',
      stdio: ['pipe', devNull, 'pipe'],
      timeout: 20_000,
      env: { ...process.env, PROBE_OUT: out },
    });
    closeSync(devNull);
    expect(r.status, r.stderr).toBe(0);
    const { builtins } = JSON.parse(readFileSync(out, 'utf8')) as { builtins: string[] };
    for (const m of ['tty', 'net', 'stream']) expect(builtins).not.toContain(`NativeModule ${m}`);
  });

  it('recommend --json runs on the baseline compilers alone: no optimising compile starts', () => {
    // The trace flags print to standard output, after the JSON document.
    const r = spawnSync(process.execPath, ['--trace-opt', '--trace-wasm-compilation-times', CLI, 'recommend', '--json', '--team-size', 'large', '--needs', 'distributed-training,model-serving'], {
      encoding: 'utf8',
      input: '',
      timeout: 20_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/using Liftoff/);
    expect(r.stdout).not.toMatch(/using TurboFan/);
    expect(r.stdout).not.toMatch(/for optimization to (TURBOFAN|MAGLEV)/);
  });

  it('recommend --json fits in the young generation: no garbage collection in a run, for three kinds of team', () => {
    // Structure, not timing: a collection is decided by what a run allocates, the same every run
    // once the code cache is in place. A run near the young generation's 1 MiB pays 1 to 2 ms for
    // one; this fails when the --json path grows past it.
    const cache = join(dir, 'gc-cache');
    const answers = join(dir, 'gc-team.json');
    writeFileSync(answers, JSON.stringify({ teamSize: 'solo', budget: 'minimal', tracking: 'essential', orchestration: 'none', cloud: 'aws' }));
    for (const args of [
      ['--no-interactive'],
      ['--team-size', 'large', '--kubernetes', 'production', '--kubernetes-expertise', 'expert', '--needs', 'distributed-training,model-serving,hyperparameter-tuning', '--priority', 'scalability'],
      ['--answers', answers],
    ]) {
      const run = () => spawnSync(process.execPath, ['--trace-gc', CLI, 'recommend', '--json', ...args], { encoding: 'utf8', input: '', timeout: 20_000, env: { ...process.env, NODE_COMPILE_CACHE: cache } });
      run(); // writes the code cache that the next runs read
      const r = run();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.split('\n').filter((line) => /Scavenge|Mark-Compact/.test(line)), args.join(' ')).toEqual([]);
    }
  });

  it('setting V8 up prints no warning, even where deprecations are errors', () => {
    for (const flag of ['--pending-deprecation', '--throw-deprecation', '--trace-deprecation']) {
      const r = spawnSync(process.execPath, [flag, CLI, 'recommend', '--json'], { encoding: 'utf8', input: '', timeout: 20_000 });
      expect(r.status, flag).toBe(0);
      expect(r.stderr, flag).toBe('');
    }
  });

  it('the table output adds the one rendering file, and explain the same one', () => {
    expect(loads(['recommend', '--no-interactive']).files).toEqual(['dist/cli.cjs', 'dist/cli-main.cjs', 'dist/lazy/render.cjs']);
    expect(loads(['explain', 'mlflow']).files).toEqual(['dist/cli.cjs', 'dist/cli-main.cjs', 'dist/lazy/render.cjs']);
  });

  it('sources adds the file of the claims and nothing else', () => {
    expect(loads(['sources', 'ML-7']).files).toEqual(['dist/cli.cjs', 'dist/cli-main.cjs', 'dist/lazy/sources.cjs']);
  });

  it('the HTML report adds its own file and nothing else', () => {
    const run = loads(['recommend', '--format', 'html', '--no-interactive']);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.files).toEqual(['dist/cli.cjs', 'dist/cli-main.cjs', 'dist/lazy/html.cjs']);
  });

  it('a YAML answers file adds the YAML parser and nothing else', () => {
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'teamSize: large\n');
    const run = loads(['recommend', '--json', '--answers', file]);
    expect(JSON.parse(run.stdout).answers.teamSize).toBe('large');
    expect(run.files).toEqual(['dist/cli.cjs', 'dist/cli-main.cjs', 'dist/lazy/yaml.cjs']);
  });
});
