// How often the advice agrees with the expected answer, per confidence band, on the project's
// scenario suites (tests/fixtures/*-scenarios.json, seed-guidance.json, outside-teams.json).
// Run after a build:   node scripts/calibration.mjs [--misses] [--blind]
// --blind: only the blind suite (written without reading the model), the honest calibration.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recommend } from '../dist/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures');
const files = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json') && (!process.argv.includes('--blind') || f === 'blind-scenarios.json'))
  .sort();
const bands = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.85],
  [0.85, 0.95],
  [0.95, 1.0001],
];
const rows = bands.map(([lo, hi]) => ({ lo, hi, n: 0, agree: 0 }));
const misses = [];
const sorted = (xs) => [...xs].sort().join('+');
let total = 0;
for (const file of files) {
  const { scenarios } = JSON.parse(readFileSync(join(fixtures, file), 'utf8'));
  if (!Array.isArray(scenarios)) continue;
  for (const s of scenarios) {
    const r = recommend(s.answers);
    const got = r.recommendation.tools;
    const first = r.ranking[0].tool;
    const targetsOk = Object.entries(s.targets ?? {}).every(([tool, id]) => !got.includes(tool) || r.ranking.find((t) => t.tool === tool)?.target?.id === id);
    const unmetOk = !s.unmet || sorted(r.recommendation.unmet.map((u) => u.requirement)) === sorted(s.unmet);
    const ok = s.recommend.some((set) => sorted(set) === sorted(got)) && !(s.notFirst ?? []).includes(first) && targetsOk && unmetOk;
    const c = r.recommendation.confidence;
    const row = rows.find((b) => c >= b.lo && c < b.hi);
    row.n++;
    if (ok) row.agree++;
    else misses.push(`${file} ${s.id}: got ${sorted(got)} (first ${first}) at ${Math.round(c * 100)}%`);
    total++;
  }
}
const pct = (x) => `${Math.round(x * 100)}%`;
console.log('| Confidence | Scenarios | Agree |');
console.log('|---|---|---|');
for (const b of rows) console.log(`| ${pct(b.lo)}-${b.hi > 1 ? '100%' : pct(b.hi)} | ${b.n} | ${b.agree} (${b.n ? pct(b.agree / b.n) : '-'}) |`);
const agree = rows.reduce((s, b) => s + b.agree, 0);
if (process.argv.includes('--misses')) {
  console.log(`all: ${agree} of ${total} (${pct(agree / total)})`);
  for (const m of misses) console.log(`miss: ${m}`);
}
