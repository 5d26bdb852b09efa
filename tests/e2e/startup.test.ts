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
  // Preloaded with --require: at exit, report every file required or read and every built-in.
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
    files: seen.files.filter((f) => f !== probe).map((f) => relative(ROOT, f).split('\\').join('/')).filter((f) => !f.startsWith('..')),
    builtins: seen.builtins,
    stdout: r.stdout,
  };
}

describe('start-up', () => {
  it('recommend --json reads the entry and the bundle of the package, and no package from node_modules', () => {
    const run = loads(['recommend', '--json', '--no-interactive']);
    expect(JSON.parse(run.stdout)).toHaveProperty('recommendation');
    expect(run.files).toEqual(['dist/cli.cjs', 'dist/advisor.cjs']);
  });

  it('recommend --json starts no stream, and neither child_process, fs/promises, os, tty, net nor v8, with answers from flags or a file', () => {
    const file = join(dir, 'team.json');
    writeFileSync(file, '{"teamSize": "large"}');
    for (const args of [['--team-size', 'large'], ['--answers', file]]) {
      const run = loads(['recommend', '--json', ...args]);
      expect(JSON.parse(run.stdout).answers.teamSize).toBe('large');
      for (const m of ['child_process', 'fs/promises', 'os', 'tty', 'net', 'stream', 'v8']) expect(run.builtins, args.join(' ')).not.toContain(`NativeModule ${m}`);
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

  it('the table output adds the one rendering file, and explain the same one', () => {
    expect(loads(['recommend', '--no-interactive']).files).toEqual(['dist/cli.cjs', 'dist/advisor.cjs', 'dist/lazy/render.cjs']);
    expect(loads(['explain', 'mlflow']).files).toEqual(['dist/cli.cjs', 'dist/advisor.cjs', 'dist/lazy/render.cjs']);
  });

  it('sources adds the file of the claims and nothing else', () => {
    expect(loads(['sources', 'ML-7']).files).toEqual(['dist/cli.cjs', 'dist/advisor.cjs', 'dist/lazy/sources.cjs']);
  });

  it('the HTML report adds its own file and nothing else', () => {
    const run = loads(['recommend', '--format', 'html', '--no-interactive']);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.files).toEqual(['dist/cli.cjs', 'dist/advisor.cjs', 'dist/lazy/html.cjs']);
  });

  it('a YAML answers file adds the YAML parser and nothing else', () => {
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'teamSize: large\n');
    const run = loads(['recommend', '--json', '--answers', file]);
    expect(JSON.parse(run.stdout).answers.teamSize).toBe('large');
    expect(run.files).toEqual(['dist/cli.cjs', 'dist/advisor.cjs', 'dist/lazy/yaml.cjs']);
  });

  it('the library shares the bundle, and requires the report and the catalog checks only when they are used', () => {
    const out = join(dir, 'out-library.json');
    const script = `import { createRequire } from 'node:module';
const m = await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});
const r = m.recommend({ teamSize: 'large' }, { samples: 10 });
const before = Object.keys(createRequire(import.meta.url).cache);
m.renderHtml(r);
m.recommend({}, { samples: 10, catalog: { exclude: [{ tool: 'kubeflow', reason: 'Not approved' }] } });
console.log(JSON.stringify({ tools: r.recommendation.tools, before }));`;
    const r = spawnSync(process.execPath, ['--require', probe, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, PROBE_OUT: out } });
    expect(r.status, r.stderr).toBe(0);
    const rel = (files: string[]) => files.map((f) => relative(ROOT, f).split('\\').join('/')).filter((f) => !f.startsWith('..'));
    const { tools, before } = JSON.parse(r.stdout) as { tools: string[]; before: string[] };
    expect(tools.length).toBeGreaterThan(0);
    expect(rel(before)).toEqual(['dist/advisor.cjs']);
    const { files } = JSON.parse(readFileSync(out, 'utf8')) as { files: string[] };
    expect(rel(files).sort()).toEqual(['dist/advisor.cjs', 'dist/catalog.cjs', 'dist/lazy/html.cjs']);
  });
});
