// Start-up benchmark (see docs/performance.md): each figure is a ratio to `node -e 0` on the same
// Node in the same run, the runs of all cases interleaved so that load drift hits every case alike.
//   npm run bench                       build, then measure
//   node scripts/bench.mjs --runs 30    measure the current dist/ (default 20 runs per case)
//   node scripts/bench.mjs --node PATH  on that Node (repeatable); default: the Node 24 and 26 of
//                                       MLFLOW_ADVISOR_TEST_NODES (.ci/run sets it), else this one
//   node scripts/bench.mjs --scale      only the scale case: recommend --json with a 20-tool
//                                       --catalog against the built-in four (scripts/bench-catalog.mjs)
// NODE_EXTRA_CA_CERTS, NODE_OPTIONS and the compile cache variables are unset for every run. Warm
// runs share a cache folder that two runs filled first; "empty cache" runs get a new folder each
// for HOME, TMPDIR and XDG_CACHE_HOME, as a fresh CI container would. Wall time and peak memory
// (ru_maxrss) of each child come from python3's os.wait4.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogScale } from './bench-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'dist', 'cli.cjs');
const args = process.argv.slice(2);
const RUNS = Math.max(5, Number(args[args.indexOf('--runs') + 1]) || 20);
if (!existsSync(CLI)) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first (or `npm run bench`, which builds).\n');
  process.exit(2);
}
if (spawnSync('python3', ['--version']).status !== 0) {
  process.stderr.write('bench: needs python3 (for os.wait4: the wall time and peak memory of each run).\n');
  process.exit(2);
}

const versionOf = (node) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
let nodes = args.flatMap((a, i) => (args[i - 1] === '--node' ? [a] : []));
if (nodes.length === 0) {
  nodes = (process.env.MLFLOW_ADVISOR_TEST_NODES ?? '').split(delimiter).filter((p) => p && existsSync(p) && /^v(24|26)\./.test(versionOf(p)));
  if (nodes.length === 0) nodes = [process.execPath];
}

const TARGETS = { wall: 1.35, memory: 1.25, empty: 1.6, help: 1.5, scale: 2 };
const scaleOnly = args.includes('--scale');
const tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-bench-'));
const baseEnv = { ...process.env };
for (const k of ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE']) delete baseEnv[k];

// Runs every case RUNS times, interleaved; a case with `fresh` gets new HOME, TMPDIR and
// XDG_CACHE_HOME folders under `fresh` for each run.
const PY = `
import json, os, sys, time, tempfile
cases, runs = json.loads(sys.argv[1]), int(sys.argv[2])
out = [[] for _ in cases]
null = os.open(os.devnull, os.O_RDWR)
for _ in range(runs):
    for i, c in enumerate(cases):
        env = dict(c['env'])
        if c.get('fresh'):
            home = tempfile.mkdtemp(dir=c['fresh'])
            env.update(HOME=home, TMPDIR=home, XDG_CACHE_HOME=os.path.join(home, '.cache'))
        r, w = os.pipe()
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(null, 0); os.dup2(w, 1); os.dup2(null, 2)
            os.execve(c['argv'][0], c['argv'], env)
        os.close(w)
        while os.read(r, 65536):
            pass
        _, status, usage = os.wait4(pid, 0)
        wall = (time.perf_counter() - t0) * 1000
        os.close(r)
        if status != 0:
            sys.exit('bench: %s exited with status %d' % (' '.join(c['argv']), status))
        out[i].append([wall, usage.ru_maxrss / 1024])
print(json.dumps(out))
`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** What a warm `recommend --json` run does that the bench cannot time: collections and optimising compiles. */
function traced(node, env) {
  const run = (flag) => spawnSync(node, [flag, CLI, 'recommend', '--json', '--no-interactive'], { encoding: 'utf8', env, input: '' }).stdout;
  return {
    gcs: run('--trace-gc').split('\n').filter((l) => /Scavenge|Mark-Compact|Mark-sweep/i.test(l)).length,
    optimised: run('--trace-opt').split('\n').filter((l) => /completed (optimizing|compiling)/.test(l)).length,
  };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const say = (s = '') => process.stdout.write(s + '\n');
say(`mlflow-advisor start-up bench: ${RUNS} runs per case, ${cpus().length} CPUs, load average ${load()} at the start`);
const results = [];
for (const node of nodes) {
  const version = versionOf(node);
  const warm = join(tmp, `warm-${version}`);
  mkdirSync(warm);
  const env = { ...baseEnv, HOME: warm, TMPDIR: warm, XDG_CACHE_HOME: join(warm, '.cache') };
  const fresh = join(tmp, `fresh-${version}`);
  mkdirSync(fresh);
  // Scale: a catalog of 20 tools against the built-in four, the same answers, interleaved.
  const scale = catalogScale({ node, cli: CLI, root, env, runs: RUNS, tmp });
  const scaleRow = [`recommend --json, ${scale.tools}-tool --catalog: wall`, scale.wallRatio, TARGETS.scale];
  if (scaleOnly) {
    say(`\nNode ${version}`);
    say(`  built-in catalog (4 tools)     ${scale.baseWallMs.toFixed(1).padStart(6)} ms  (recommend() ${scale.baseCallMs?.toFixed(1) ?? '-'} ms)`);
    say(`  --catalog of ${scale.tools} tools          ${scale.wallMs.toFixed(1).padStart(6)} ms  (recommend() ${scale.callMs?.toFixed(1) ?? '-'} ms)`);
    say(`  ${scaleRow[0].padEnd(38)} ${scale.wallRatio.toFixed(2)}x  target <= ${TARGETS.scale}x  ${scale.wallRatio <= TARGETS.scale ? 'met' : 'MISSED'}`);
    results.push({ node: version, what: scaleRow[0], value: scaleRow[1], target: scaleRow[2] });
    continue;
  }
  const cases = [
    { name: 'node -e 0', argv: [node, '-e', '0'], env },
    { name: 'recommend --json', argv: [node, CLI, 'recommend', '--json', '--no-interactive'], env },
    { name: 'recommend --json, empty cache', argv: [node, CLI, 'recommend', '--json', '--no-interactive'], env, fresh },
    { name: '--help', argv: [node, CLI, '--help'], env },
  ];
  for (let i = 0; i < 2; i++) for (const c of cases.slice(1)) execFileSync(c.argv[0], c.argv.slice(1), { env, stdio: 'ignore' });
  const raw = JSON.parse(execFileSync('python3', ['-c', PY, JSON.stringify(cases), String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const wall = raw.map((runs) => median(runs.map((r) => r[0])));
  const mem = raw.map((runs) => median(runs.map((r) => r[1])));
  const ratio = (i) => wall[i] / wall[0];
  const { gcs, optimised } = traced(node, env);
  const rows = [
    ['recommend --json: wall', ratio(1), TARGETS.wall],
    ['recommend --json: peak memory', mem[1] / mem[0], TARGETS.memory],
    ['recommend --json, empty cache: wall', ratio(2), TARGETS.empty],
    ['--help: wall', ratio(3), TARGETS.help],
    scaleRow,
  ];
  const [major, minor] = version.slice(1).split('.').map(Number);
  say(`\nNode ${version}${major > 22 || (major === 22 && minor >= 1) ? '' : ' (no compile cache before 22.1)'}`);
  cases.forEach((c, i) => say(`  ${c.name.padEnd(32)} ${wall[i].toFixed(1).padStart(6)} ms  ${mem[i].toFixed(1).padStart(5)} MiB`));
  for (const [what, value, target] of rows) say(`  ${what.padEnd(38)} ${value.toFixed(2)}x  target <= ${target}x  ${value <= target ? 'met' : 'MISSED'}`);
  say(`  in a warm recommend --json run: ${gcs} garbage collection(s), ${optimised} optimising compile(s)`);
  results.push(...rows.map(([what, value, target]) => ({ node: version, what, value, target })));
}
say(`\nload average ${load()} at the end`);
rmSync(tmp, { recursive: true, force: true });
process.exitCode = results.every((r) => r.value <= r.target) ? 0 : 1;
