// How stable is the choice? Re-decide under many plausible weightings around the answers' own
// (each weight scaled by a seeded random factor in [1 - spread, 1 + spread]). Ratings, penalties
// and unmet needs do not depend on the weights, so each sample is only dot products over flat
// arrays, run by the sampler (sampler.ts) once rows that can never win are pruned.
import type { ToolId } from '../catalog/ids.js';
import { sample, type SamplerInput, type SamplerOutput } from './kernel.js';
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
  // Rows that can never be picked are dropped before sampling. Over the box f in [lo, hi]^n,
  // score_q + offset - score_r has the sign of the linear form
  //   sum_c (m_qc - m_rc - (fixed_q - fixed_r - offset) * b_c) * f_c,
  // whose minimum takes each f_c at lo or hi by the sign of its coefficient.
  const worstLead = (q: number, r: number, offset: number) => {
    let min = 0;
    for (let c = 0; c < n; c++) {
      const d = m[q * n + c]! - m[r * n + c]! - (fixed[q]! - fixed[r]! - offset) * base[c]!;
      min += d >= 0 ? d * lo : d * hi;
    }
    return min;
  };
  const live = new Uint8Array(nRows).fill(1);
  const group = (r: number) => (r < nSingles ? 0 : 1);
  // Beaten within its group under every weighting (ties go to the earlier row).
  for (let r = 0; r < nRows; r++) {
    for (let q = 0; q < nRows && live[r]; q++) {
      if (q === r || !live[q] || group(q) !== group(r)) continue;
      const lead = worstLead(q, r, 0);
      if (q < r ? lead >= 0 : lead > 0) live[r] = 0;
    }
  }
  // A stack that some single tool always keeps within the margin can never be recommended.
  const margin = ctx.margin;
  for (let r = nSingles; r < nRows; r++) {
    for (let q = 0; q < nSingles && live[r]; q++) if (live[q] && worstLead(q, r, margin) > 0) live[r] = 0;
  }
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
