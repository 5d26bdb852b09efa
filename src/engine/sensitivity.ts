// How stable is the choice? Re-decide under many plausible weightings around the answers' own
// (each weight scaled by a seeded random factor in [1 - spread, 1 + spread]). Ratings, penalties
// and unmet needs do not depend on the weights, so each sample is only dot products over flat
// arrays, run by the sampler (sampler.ts) once rows that can never win are pruned.
import type { ToolId } from '../catalog/ids.js';
import { prune, sample, type SamplerInput, type SamplerOutput } from './kernel.js';
import { prepare } from './score.js';
import type { Context } from './types.js';

export interface Sensitivity {
  /** Share of samples whose recommendation equals the baseline one. */
  confidence: number;
  /** Share of samples in which each tool is the best single tool (excluded tools never are). */
  firstChance: Record<ToolId, number>;
  samples: number;
}

export function sensitivity(
  ctx: Context,
  baseline: readonly ToolId[],
  opts: { samples: number; seed: number; spread: number },
  /** Which loop runs the samples (tests run each of them). */
  sampler: (input: SamplerInput) => SamplerOutput = sample,
): Sensitivity {
  const { singles, stacks } = prepare(ctx);
  const rows = [...singles, ...stacks];
  const nSingles = singles.length;
  const nRows = rows.length;
  // Only weighted criteria matter: a zero weight stays zero whatever its factor.
  const cols: number[] = [];
  ctx.weights.forEach((w, i) => w > 0 && cols.push(i));
  const n = cols.length;
  const base = new Float64Array(n);
  const m = new Float64Array(nRows * n);
  const fixed = new Float64Array(nRows);
  for (let c = 0; c < n; c++) base[c] = ctx.weights[cols[c]!]!;
  for (let r = 0; r < nRows; r++) {
    fixed[r] = rows[r]!.fixed;
    for (let c = 0; c < n; c++) m[r * n + c] = base[c]! * rows[r]!.ratings[cols[c]!]! * 20;
  }
  const lo = 1 - opts.spread;
  const hi = 1 + opts.spread;
  // Rows that no weighting in the box can pick are dropped before sampling (see pruneJs).
  const margin = ctx.margin;
  const live = prune({ n, nRows, nSingles, base, m, fixed, lo, hi, margin });
  const key = baseline.join('+');
  const baselineRow = rows.findIndex((s, i) => s.tools.join('+') === key && (i < nSingles) === (baseline.length === 1));
  const firstChance = Object.fromEntries(ctx.tools.map((t) => [t, 0])) as Record<ToolId, number>;
  const alive = [...live.keys()].filter((r) => live[r]);
  if (alive.length === 1) {
    // One row left: it is picked, and ranks first, under every weighting.
    const only = alive[0]!;
    if (only < nSingles) firstChance[singles[only]!.tools[0]!] = 1;
    return { confidence: only === baselineRow ? 1 : 0, firstChance, samples: opts.samples };
  }
  const { same, firstCount } = sampler({
    n,
    nRows,
    nSingles,
    base,
    m,
    fixed,
    live,
    samples: opts.samples,
    seed: opts.seed,
    lo,
    span: hi - lo,
    margin,
    baselineRow,
  });
  singles.forEach((s, i) => (firstChance[s.tools[0]!] = firstCount[i]! / opts.samples));
  return { confidence: same / opts.samples, firstChance, samples: opts.samples };
}
