// Start-up benchmark: every figure is a ratio to `node -e 0` measured in the same run, so the
// figures travel between machines better than milliseconds do.
//   npm run bench                      build, then measure (20 runs per case)
//   node scripts/bench.mjs --runs 30   measure the current dist/ (at least 10 runs)
//   node scripts/bench.mjs --json      the figures as one JSON document on standard output
// Wall time: a Node harness (spawnSync; the runs of all cases interleaved, so load drift hits
// every case alike; standard output a pipe, as in `| jq`); hyperfine, when installed, adds its
// own ratio as a cross-check. Peak memory and CPU time: the kernel's rusage of each child, read
// with python3's os.wait4, or peak memory alone from GNU time (`/usr/bin/time -f %M`) when
// python3 is missing; in runs of their own, so no wrapper inflates the wall times. First
// prompt: python3's pty module starts the CLI on a pseudo-terminal and times until the first
// question's text appears, against `node -e 0` run the same way.
// Where NODE_EXTRA_CA_CERTS is set, the defaults case is also timed without it (see BARE below).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'dist', 'cli.cjs');
const LIB = join(root, 'dist', 'index.js');
const args = process.argv.slice(2);
const RUNS = Math.max(10, Number(args[args.indexOf('--runs') + 1]) || 20);
const asJson = args.includes('--json');
const say = (s = '') => (asJson ? process.stderr : process.stdout).write(s + '\n');

if (!existsSync(CLI) || !existsSync(LIB)) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first (or `npm run bench`, which builds).\n');
  process.exit(2);
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  return s[Math.floor(at)] + (s[Math.ceil(at)] - s[Math.floor(at)]) * (at - Math.floor(at));
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const has = (cmd, versionArgs, pattern) => {
  const r = spawnSync(cmd, versionArgs, { encoding: 'utf8' });
  return r.status === 0 && pattern.test(r.stdout + r.stderr);
};

const tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-bench-'));
const answersFile = join(tmp, 'team.json');
writeFileSync(answersFile, JSON.stringify({ teamSize: 'solo', budget: 'minimal', tracking: 'essential', orchestration: 'none', cloud: 'aws' }));

// The CLI keeps a code cache (src/cli/compile-cache.ts): here in a directory of the run's own, which
// the warm-up runs fill, as the first run of a CI job or of npx would. The "first run" case has it
// off, which is what the very first run on a machine pays.
const cacheDir = join(tmp, 'compile-cache');
const env = { ...process.env, NODE_COMPILE_CACHE: cacheDir };
delete env.NODE_DISABLE_COMPILE_CACHE;
const firstRunEnv = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };

const node = process.execPath;
const BASE = { name: 'node -e 0', argv: [node, '-e', '0'], env };
const cli = (name, ...rest) => ({ name, argv: [node, CLI, ...rest], env });
const CASES = [
  cli('recommend --json (defaults)', 'recommend', '--json', '--no-interactive'),
  cli('recommend --json (large team on Kubernetes)', 'recommend', '--json', '--team-size', 'large', '--kubernetes', 'production', '--kubernetes-expertise', 'expert', '--needs', 'distributed-training,model-serving,hyperparameter-tuning', '--priority', 'scalability'),
  cli('recommend --json (answers file)', 'recommend', '--json', '--answers', answersFile),
  { ...cli('recommend --json (first run: no code cache)', 'recommend', '--json', '--no-interactive'), env: firstRunEnv },
  cli('--help', '--help'),
  cli('explain mlflow', 'explain', 'mlflow'),
];
// NODE_EXTRA_CA_CERTS makes every Node process read and parse those certificates before it runs
// anything: with a system's bundle (about 150 of them) that is most of what `node -e 0` does, and
// every ratio above shrinks. The targets are ratios to `node -e 0` as the machine runs it; where
// the variable is set, a second pair without it shows the ratio to bare Node and what a run adds
// in milliseconds, which the variable does not change.
const BARE = [];
if (process.env.NODE_EXTRA_CA_CERTS) {
  const bareEnv = { ...env };
  delete bareEnv.NODE_EXTRA_CA_CERTS;
  const bareBase = { name: 'node -e 0, no NODE_EXTRA_CA_CERTS', argv: BASE.argv, env: bareEnv, unset: 'NODE_EXTRA_CA_CERTS' };
  BARE.push(bareBase, { ...CASES[0], name: 'recommend --json, no NODE_EXTRA_CA_CERTS', env: bareEnv, unset: 'NODE_EXTRA_CA_CERTS', base: bareBase });
}
const ALL = [BASE, ...CASES, ...BARE];
const baseOf = (c) => c.base ?? (c.unset ? c : BASE);
const isRecommend = (c) => c.name.startsWith('recommend');

// Every case must work before it is timed: a fast failure is not a fast start.
for (const c of [...CASES, ...BARE]) {
  const r = spawnSync(c.argv[0], c.argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: c.env });
  if (r.status !== 0 || r.stderr !== '') {
    process.stderr.write(`bench: ${c.name} failed (exit ${r.status}): ${r.stderr}\n`);
    process.exit(1);
  }
  if (isRecommend(c)) JSON.parse(r.stdout);
}

const load0 = loadavg()[0];

// 1. Wall time, Node harness. stdout is a pipe, as in `| jq`.
const wall = new Map(ALL.map((c) => [c.name, []]));
for (let i = 0; i < 2; i++) for (const c of ALL) spawnSync(c.argv[0], c.argv.slice(1), { stdio: 'ignore', env: c.env }); // warm the file and code caches
for (let i = 0; i < RUNS; i++) {
  for (const c of ALL) {
    const t = process.hrtime.bigint();
    spawnSync(c.argv[0], c.argv.slice(1), { stdio: ['ignore', 'pipe', 'ignore'], env: c.env });
    wall.get(c.name).push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}

// 2. Peak memory (KiB) and CPU time (ms), in runs of their own.
const GNU_TIME = '/usr/bin/time';
const python = has('python3', ['--version'], /Python 3/);
const memoryTool = python ? 'python3 os.wait4 (ru_maxrss, ru_utime + ru_stime)' : has(GNU_TIME, ['--version'], /GNU/) ? 'GNU time (/usr/bin/time -f %M)' : undefined;
const rss = new Map(ALL.map((c) => [c.name, []]));
const cpu = new Map(ALL.map((c) => [c.name, []]));
if (python) {
  const py = `
import json, os, sys, threading
cases, envs, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
out = [[] for _ in cases]
devnull = os.open(os.devnull, os.O_RDWR)
def drain(fd):
    while os.read(fd, 65536):
        pass
    os.close(fd)
for _ in range(runs):
    for i, argv in enumerate(cases):
        r, w = os.pipe()  # standard output is a pipe, as in the wall-time runs
        reader = threading.Thread(target=drain, args=(r,))
        reader.start()
        pid = os.posix_spawn(argv[0], argv, envs[i], file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_DUP2, devnull, 2), (os.POSIX_SPAWN_CLOSE, w)])
        os.close(w)
        _, _, usage = os.wait4(pid, 0)
        reader.join()
        out[i].append([usage.ru_maxrss, (usage.ru_utime + usage.ru_stime) * 1000])
print(json.dumps(out))`;
  const all = ALL;
  const res = JSON.parse(execFileSync('python3', ['-c', py, JSON.stringify(all.map((c) => c.argv)), JSON.stringify(all.map((c) => c.env)), String(RUNS)], { encoding: 'utf8' }));
  all.forEach((c, i) => {
    rss.set(c.name, res[i].map((r) => r[0]));
    cpu.set(c.name, res[i].map((r) => r[1]));
  });
} else if (memoryTool) {
  for (let i = 0; i < RUNS; i++) {
    for (const c of ALL) {
      const r = spawnSync(GNU_TIME, ['-f', '%M', ...c.argv], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: c.env });
      rss.get(c.name).push(Number(r.stderr.trim().split('\n').pop()));
    }
  }
}

// 3. hyperfine, when installed: the same commands, its own harness.
let hyperfine;
if (has('hyperfine', ['--version'], /hyperfine/)) {
  const out = join(tmp, 'hyperfine.json');
  const quote = (a) => (/^[\w./=,:-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  const commands = ALL.map((c) => [...(c.env === firstRunEnv ? ['env', 'NODE_DISABLE_COMPILE_CACHE=1'] : c.unset ? ['env', '-u', c.unset] : []), ...c.argv].map(quote).join(' '));
  const r = spawnSync('hyperfine', ['-N', '--warmup', '3', '--runs', String(RUNS), '--export-json', out, ...commands], { stdio: 'ignore', env });
  if (r.status === 0) {
    const { results } = JSON.parse(readFileSync(out, 'utf8'));
    hyperfine = new Map(ALL.map((c, i) => [c.name, results[i].median * 1000]));
  }
}

// 4. The recommend() call itself (1,000 sensitivity samples and the flips), timed inside the CLI:
// `--debug` prints it, so the figure is what a run really pays, with the CLI's V8 settings and
// its code cache.
const inCli = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(node, [CLI, 'recommend', '--json', '--no-interactive', '--debug'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  const m = /recommend\(\) took ([\d.]+) ms .*\((\d+) sensitivity samples, (\d+) flips\)/.exec(r.stderr);
  if (r.status !== 0 || !m) {
    process.stderr.write(`bench: recommend --debug printed no timing (exit ${r.status}): ${r.stderr}\n`);
    process.exit(1);
  }
  inCli.push({ ms: Number(m[1]), samples: Number(m[2]), flips: Number(m[3]) });
}
// For comparison, the library: a fresh process imports it and calls recommend() once, compiling
// as it goes (no code cache), with the flags the CLI sets (src/cli/bin.ts).
const probe = `
const t0 = performance.now();
const m = await import(${JSON.stringify(pathToFileURL(LIB).href)});
const t1 = performance.now();
m.recommend({});
const t2 = performance.now();
for (let i = 0; i < 20; i++) m.recommend({});
const t3 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, call: t2 - t1, warm: (t3 - t2) / 20 }));`;
const calls = [];
for (let i = 0; i < RUNS; i++) calls.push(JSON.parse(execFileSync(node, ['--liftoff-only', '--max-opt=0', '--input-type=module', '-e', probe], { encoding: 'utf8' })));

// 5. Time to the first prompt on a pseudo-terminal, against `node -e 0` run the same way.
const firstPrompt = (await import(pathToFileURL(LIB).href)).questions[0].prompt;
let prompt;
if (python) {
  const py = `
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time
base, cli, needle, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3].encode(), int(sys.argv[4])
ansi = re.compile(rb'\\x1b\\[[0-9;?]*[A-Za-z]')
env = dict(os.environ, TERM='xterm-256color', COLUMNS='120', LINES='40')
env.pop('CI', None); env.pop('NO_COLOR', None)
first_env = dict(env, NODE_DISABLE_COMPILE_CACHE='1')
def once(argv, needle, run_env=env):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, run_env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    buf, took = b'', None
    while took is None:
        ready, _, _ = select.select([fd], [], [], 20)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            if needle is None:
                os.waitpid(pid, 0)
                pid = 0
                took = time.perf_counter() - t0
            break
        buf += data
        if needle is not None and needle in ansi.sub(b'', buf):
            took = time.perf_counter() - t0
    if pid:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    if took is None:
        raise SystemExit('no prompt seen; output was: %r' % buf[-400:])
    return took * 1000
out = {'base': [], 'cli': [], 'first': []}
for _ in range(runs):
    out['base'].append(once(base, None))
    out['cli'].append(once(cli, needle))
    out['first'].append(once(cli, needle, first_env))
print(json.dumps(out))`;
  // A run stopped at its first question never ends well, so it never leaves a code cache: one
  // run to the end without prompts leaves the bare command's (a returning user's has more).
  spawnSync(node, [CLI, '--no-interactive'], { stdio: 'ignore', env });
  const r = spawnSync('python3', ['-c', py, JSON.stringify(BASE.argv), JSON.stringify([node, CLI]), firstPrompt.slice(0, 24), String(RUNS)], { encoding: 'utf8', env });
  if (r.status === 0) prompt = JSON.parse(r.stdout);
  else say(`first prompt: not measured (${r.stderr.trim().split('\n').pop()})`);
}
rmSync(tmp, { recursive: true, force: true });
const load1 = loadavg()[0];

// Report.
const medianOf = (map, name) => (map.get(name).length ? median(map.get(name)) : undefined);
const baseCpu = medianOf(cpu, BASE.name);
const rows = ALL.map((c) => {
  const base = baseOf(c).name;
  const w = median(wall.get(c.name));
  const m = medianOf(rss, c.name);
  const t = medianOf(cpu, c.name);
  const baseWall = median(wall.get(base));
  const baseRss = medianOf(rss, base);
  const baseCpu = medianOf(cpu, base);
  return {
    case: c.name,
    base,
    wallMs: w,
    wallRatio: w / baseWall,
    // What the run adds to Node's own start-up, in milliseconds: unlike the ratio, the same
    // whatever Node's own start-up costs on the machine.
    wallOverMs: w - baseWall,
    // The spread: each round times node -e 0 and then every case, so a round's ratio compares
    // runs made a moment apart; the middle half of those ratios shows how much the machine moved.
    wallRatioQuartiles: [0.25, 0.75].map((q) => quantile(wall.get(c.name).map((ms, i) => ms / wall.get(base)[i]), q)),
    peakRssKiB: m,
    rssRatio: m !== undefined && baseRss ? m / baseRss : undefined,
    cpuMs: t,
    cpuRatio: t !== undefined && baseCpu ? t / baseCpu : undefined,
    hyperfineRatio: hyperfine ? hyperfine.get(c.name) / hyperfine.get(base) : undefined,
  };
});
const defaults = rows.find((r) => r.case === CASES[0].name);
const call = median(inCli.map((c) => c.ms));
const result = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  loadAverage: { start: load0, end: load1 },
  runs: RUNS,
  wallTool: 'Node harness (spawnSync)' + (hyperfine ? '; hyperfine -N as a cross-check' : ''),
  memoryTool: memoryTool ?? 'none available (needs GNU time or python3)',
  cases: rows,
  recommendCall: {
    samples: inCli[0].samples,
    flips: inCli[0].flips,
    inCliMs: call,
    shareOfRecommendJsonWall: call / defaults.wallMs,
    library: {
      loadMs: median(calls.map((c) => c.load)),
      coldCallMs: median(calls.map((c) => c.call)),
      warmCallMs: median(calls.map((c) => c.warm)),
    },
  },
  firstPrompt: prompt && {
    text: firstPrompt,
    baseMs: median(prompt.base),
    promptMs: median(prompt.cli),
    ratio: median(prompt.cli) / median(prompt.base),
    firstRunMs: median(prompt.first),
    firstRunRatio: median(prompt.first) / median(prompt.base),
  },
};

const f1 = (x) => (x === undefined ? '   -' : x.toFixed(1));
const f2 = (x) => (x === undefined ? '   -' : x.toFixed(2) + 'x');
const mark = (ok) => (ok ? 'met' : 'MISSED');
say(`mlflow-advisor start-up, ${result.date}, Node ${result.node}, ${result.cpus} x ${result.cpu}`);
say(`${RUNS} runs per case, medians. Load average ${load0.toFixed(2)} at the start, ${load1.toFixed(2)} at the end.`);
say(`wall: ${result.wallTool}; peak memory: ${result.memoryTool}`);
say();
const withCpu = baseCpu !== undefined;
say(`${'case'.padEnd(46)} ${'wall ms'.padStart(8)} ${'+ms'.padStart(6)} ${'ratio'.padStart(7)} ${'middle half'.padStart(12)} ${'peak MiB'.padStart(9)} ${'ratio'.padStart(7)}${withCpu ? `${'CPU ms'.padStart(8)} ${'ratio'.padStart(7)}` : ''}${hyperfine ? '  hyperfine ratio' : ''}`);
for (const r of rows) {
  if (r.case === BARE[0]?.name) say(`against Node without NODE_EXTRA_CA_CERTS (set here: ${process.env.NODE_EXTRA_CA_CERTS}):`);
  say(
    `${r.case.padEnd(46)} ${f1(r.wallMs).padStart(8)} ${(r.wallOverMs === 0 ? '' : (r.wallOverMs > 0 ? '+' : '') + r.wallOverMs.toFixed(1)).padStart(6)} ${f2(r.wallRatio).padStart(7)} ${`${r.wallRatioQuartiles[0].toFixed(2)}-${r.wallRatioQuartiles[1].toFixed(2)}`.padStart(12)} ${f1(r.peakRssKiB && r.peakRssKiB / 1024).padStart(9)} ${f2(r.rssRatio).padStart(7)}` +
      (withCpu ? `${f1(r.cpuMs).padStart(8)} ${f2(r.cpuRatio).padStart(7)}` : '') +
      (hyperfine ? '  ' + f2(r.hyperfineRatio) : ''),
  );
}
const rc = result.recommendCall;
say();
say(`recommend() (${rc.samples} sensitivity samples, ${rc.flips} flips), timed inside \`recommend --json --debug\`:`);
say(`  ${rc.inCliMs.toFixed(1)} ms = ${(rc.shareOfRecommendJsonWall * 100).toFixed(1)}% of the recommend --json wall time`);
say(`  (the library in a fresh process, compiling as it goes: ${rc.library.coldCallMs.toFixed(1)} ms for the first call, ${rc.library.warmCallMs.toFixed(1)} ms warm; import ${rc.library.loadMs.toFixed(1)} ms)`);
if (result.firstPrompt) {
  say(`first prompt on a pseudo-terminal ("${firstPrompt.slice(0, 24)}..."): ${result.firstPrompt.promptMs.toFixed(1)} ms against ${result.firstPrompt.baseMs.toFixed(1)} ms for node -e 0 = ${f2(result.firstPrompt.ratio)}`);
  say(`  (first run, no code cache: ${result.firstPrompt.firstRunMs.toFixed(1)} ms = ${f2(result.firstPrompt.firstRunRatio)})`);
}
// The targets are for runs with the code cache in place; the first run is reported beside them.
const recs = rows.filter((r) => r.case.startsWith('recommend') && !r.case.includes('first run') && r.base === BASE.name);
const worstWall = Math.max(...recs.map((r) => r.wallRatio));
const worstRss = recs.every((r) => r.rssRatio !== undefined) ? Math.max(...recs.map((r) => r.rssRatio)) : undefined;
say();
say('targets:');
say(`  recommend --json wall <= 1.15x: worst ${f2(worstWall)} ${mark(worstWall <= 1.15)}`);
say(`  recommend --json peak memory <= 1.15x: ${worstRss === undefined ? 'not measured' : `worst ${f2(worstRss)} ${mark(worstRss <= 1.15)}`}`);
say(`  recommend() < 10% of the run: ${(rc.shareOfRecommendJsonWall * 100).toFixed(1)}% ${mark(rc.shareOfRecommendJsonWall < 0.1)}`);
say(`  first prompt <= 1.5x: ${result.firstPrompt ? `${f2(result.firstPrompt.ratio)} ${mark(result.firstPrompt.ratio <= 1.5)}` : 'not measured'}`);
if (load0 > cpus().length * 0.5 || load1 > cpus().length * 0.5) {
  say('note: the machine was busy during the run (load average above half its CPUs): time ratios');
  say('      are noisier than usual; peak memory is the steady figure.');
}
if (asJson) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
