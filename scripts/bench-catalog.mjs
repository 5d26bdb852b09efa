// The scale case of the bench (scripts/bench.mjs): `recommend --json` on a catalog of 20 tools
// (the built-in four, the five of examples/landscape.yaml and eleven synthetic ones, stacks of
// up to three: 1,330 of them) against `recommend --json` on the built-in catalog, interleaved.
// Target: at most 2x the wall time.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A catalog file of `total` tools in all: the landscape's five and synthetic ones rated by a seeded generator. */
export function scaleCatalog(root, total = 20) {
  const landscape = parse(readFileSync(join(root, 'examples', 'landscape.yaml'), 'utf8'), { schema: 'core' });
  let seed = 20261127;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const tools = [...landscape.tools];
  for (let i = 1; tools.length + 4 < total; i++) {
    const like = landscape.tools[i % landscape.tools.length];
    const ratings = Object.fromEntries(Object.entries(like.ratings).map(([c, r]) => [c, { ...r, rating: Math.floor(next() * 6) }]));
    const id = `synthetic-${i}`;
    // Its ways of running (where the format has them) are the model tool's, under ids of its own.
    const targets = like.targets?.map((t) => ({ ...t, id: `${id}-${t.id}` }));
    tools.push({ ...like, id, name: `Synthetic tool ${i}`, ratings, ...(targets ? { targets } : {}) });
  }
  return { title: `${total} tools for the bench`, tools };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Times both runs `runs` times each, interleaved; returns the medians and the in-process recommend() times. */
export function catalogScale({ node, cli, root, env, runs, tmp }) {
  const file = join(tmp, 'catalog-20.json');
  writeFileSync(file, JSON.stringify(scaleCatalog(root)));
  const args = ['recommend', '--json', '--no-interactive', '--team-size', 'medium', '--tracking', 'essential', '--orchestration', 'complex'];
  const cases = [
    { name: 'built-in catalog (4 tools)', argv: [cli, ...args] },
    { name: '--catalog with 20 tools', argv: [cli, ...args, '--catalog', file] },
  ];
  for (const c of cases) {
    const r = spawnSync(node, c.argv, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${c.name} failed (exit ${r.status}): ${r.stderr}`);
    c.tools = JSON.parse(r.stdout).ranking.length;
    c.wall = [];
    c.call = [];
  }
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const t = process.hrtime.bigint();
      spawnSync(node, c.argv, { stdio: ['ignore', 'pipe', 'ignore'], env });
      c.wall.push(Number(process.hrtime.bigint() - t) / 1e6);
      const d = spawnSync(node, [...c.argv, "--debug"], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env });
      const m = /recommend\(\) took ([\d.]+) ms/.exec(d.stderr);
      if (m) c.call.push(Number(m[1]));
    }
  }
  const [base, big] = cases;
  return {
    tools: big.tools,
    baseWallMs: median(base.wall),
    wallMs: median(big.wall),
    wallRatio: median(big.wall.map((w, i) => w / base.wall[i])),
    baseCallMs: median(base.call),
    callMs: median(big.call),
  };
}
