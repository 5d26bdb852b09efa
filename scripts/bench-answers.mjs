// Answers-file benchmark: what the worst shapes of answers file cost a run, against a one-line
// file. Every shape is at or just past a limit (1 MiB; 10,000 YAML lines and separators), so the
// figures show that no file the CLI accepts or refuses ties it up.
//   node scripts/bench-answers.mjs [--runs N]     (after `npm run build`; median wall time of N runs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'mlflow-advisor.js');
const args = process.argv.slice(2);
const RUNS = Math.max(3, Number(args[args.indexOf('--runs') + 1]) || 7);
if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  process.stderr.write('bench-answers: dist/ is missing; run `npm run build` first.\n');
  process.exit(2);
}

const MiB = 1024 * 1024;
const fit = (s) => s.slice(0, MiB);
const keys = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
const SHAPES = {
  'one line (baseline).json': '{"teamSize": "small"}\n',
  '90,000 keys, last repeated.json': `{${keys(89_999, (i) => `"k${i}":1,`)}"k0":2}`,
  '1 MiB nested lists.json': fit('['.repeat(MiB / 2) + ']'.repeat(MiB / 2)),
  '1 MiB of keys (refused: lines).yaml': fit(keys(110_000, (i) => `k${i}: v\n`)),
  '4,999 keys.yaml': keys(4_999, (i) => `k${i}: v\n`),
  'flow mapping, 1 MiB.yaml': fit(`{${keys(90_000, (i) => `k${i} `)}`) + '}',
  '9,999 deep.yaml': '['.repeat(9_999),
  '1 MiB scalar.yaml': fit('teamSize: ' + 'x'.repeat(MiB)),
  '9,999 aliases.yaml': 'a: &a [1]\nb: [' + keys(4_998, () => '*a,') + '*a]\n',
};

const dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-bench-answers-'));
try {
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const rows = [];
  for (const [name, text] of Object.entries(SHAPES)) {
    const path = join(dir, name.replace(/[^\w.]+/g, '-'));
    writeFileSync(path, text);
    const times = [];
    let line = '';
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [BIN, 'recommend', '--json', '--answers', path], { encoding: 'utf8' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      line = `exit ${r.status}: ${(r.stderr.split('\n')[0] || 'ok').replace(`mlflow-advisor: ${path}: `, '').slice(0, 70)}`;
    }
    rows.push({ name, bytes: Buffer.byteLength(text), ms: median(times), line });
  }
  const base = rows[0].ms;
  console.log(`median of ${RUNS} runs each; "extra" is over the one-line file`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(36)} ${String(r.bytes).padStart(8)} B ${r.ms.toFixed(0).padStart(6)} ms  extra ${(r.ms - base).toFixed(0).padStart(5)} ms  ${r.line}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
