// How stable is the choice? Re-decide under many plausible weightings around the answers' own
// (each weight scaled by a seeded random factor in [1 - spread, 1 + spread]). Ratings, penalties
// and unmet needs do not depend on the weights, so each sample is only dot products over flat
// arrays, run by the kernel's sampler (kernel.wat); without WebAssembly, the decision rule itself
// (decideTools) is applied to each weighting, with the same factors and the same results.
import type { ToolId } from '../catalog/ids.js';
import { sampleInWasm, type SamplerInput, type SamplerOutput } from './kernel.js';
import { decideTools, prepare, weightedScore } from './score.js';
import type { Context } from './types.js';

export interface Sensitivity {
  /** Share of samples whose recommendation equals the baseline one. */
  confidence: number;
  /** Share of samples in which each tool is the best single tool (excluded tools never are). */
  firstChance: Record<ToolId, number>;
  samples: number;
}

export interface SensitivityOptions {
  samples: number;
  seed: number;
  spread: number;
}

export function sensitivity(
  ctx: Context,
  baseline: readonly ToolId[],
  opts: SensitivityOptions,
  /** The WebAssembly loop; tests pass one that declines, to run the TypeScript. */
  wasm: (x: SamplerInput) => SamplerOutput | undefined = sampleInWasm,
): Sensitivity {
  const { singles, stacks } = prepare(ctx);
  const rows = [...singles, ...stacks];
  const nSingles = singles.length;
  const nRows = rows.length;
  // Only weighted criteria matter: a zero weight stays zero whatever its factor.
  const cols: number[] = [];
  ctx.weights.forEach((w, i) => w > 0 && cols.push(i));
  const n = cols.length;
  const lo = 1 - opts.spread;
  const span = 1 + opts.spread - lo;
  const key = baseline.join('+');
  const baselineRow = rows.findIndex((s, i) => s.tools.join('+') === key && (i < nSingles) === (baseline.length === 1));
  const base = new Float64Array(n);
  const m = new Float64Array(nRows * n);
  const fixed = new Float64Array(nRows);
  for (let c = 0; c < n; c++) base[c] = ctx.weights[cols[c]!]!;
  for (let r = 0; r < nRows; r++) {
    fixed[r] = rows[r]!.fixed;
    for (let c = 0; c < n; c++) m[r * n + c] = base[c]! * rows[r]!.ratings[cols[c]!]! * 20;
  }
  const out =
    wasm({ n, nRows, nSingles, base, m, fixed, samples: opts.samples, seed: opts.seed, lo, span, margin: ctx.margin, baselineRow }) ??
    byRule(ctx, cols, baseline, opts.samples, opts.seed, lo, span, nSingles);
  const firstChance = Object.fromEntries(ctx.tools.map((t) => [t, 0])) as Record<ToolId, number>;
  singles.forEach((s, i) => (firstChance[s.tools[0]!] = out.firstCount[i]! / opts.samples));
  return { confidence: out.same / opts.samples, firstChance, samples: opts.samples };
}

/** The sampling done by the decision rule itself: the same factors (mulberry32) as kernel.wat's. */
function byRule(ctx: Context, cols: number[], baseline: readonly ToolId[], samples: number, seed: number, lo: number, span: number, nSingles: number): SamplerOutput {
  const { singles } = prepare(ctx);
  const firstCount = new Float64Array(nSingles);
  const w = new Array<number>(ctx.weights.length).fill(0);
  let same = 0;
  let a = seed >>> 0;
  for (let k = 0; k < samples; k++) {
    let total = 0;
    for (const c of cols) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      w[c] = ctx.weights[c]! * (lo + span * (((t ^ (t >>> 14)) >>> 0) / 4294967296));
      total += w[c]!;
    }
    const weights = w.map((x) => x / total);
    const tools = decideTools(ctx, weights);
    if (tools.length === baseline.length && tools.every((t, i) => t === baseline[i])) same++;
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < singles.length; i++) {
      const score = Math.max(0, weightedScore(weights, singles[i]!.ratings) - singles[i]!.fixed);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best >= 0) firstCount[best]!++;
  }
  return { same, firstCount };
}
