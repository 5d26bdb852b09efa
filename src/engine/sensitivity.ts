// How sure is the advice? Re-decide under many plausible variations of the model around the
// answers: each weight scaled by a random factor, each rating moved by up to its uncertainty
// (larger where sources disagree or the rating rests on judgement), the stack penalty and the
// margin scaled. Must-haves are judged on the varied rating rounded to a whole point, so a rating
// one point from a threshold with an uncertainty of 1 meets it in a quarter of the samples, and
// one of ±0.5 never changes side. Each sample runs the advice's own rule (`rule` in score.ts) on
// memory laid out once, so sampling allocates nothing per sample.
import type { ToolId } from '../catalog/ids.js';
import { rowTools, rule, scratchFor } from './score.js';
import type { Core } from './types.js';

export interface Sensitivity {
  /** Share of samples whose recommendation equals the baseline one. */
  confidence: number;
  /** Share of samples in which each tool leads the single tools (excluded tools never do). */
  firstChance: Record<ToolId, number>;
  samples: number;
}

export interface SensitivityOptions {
  samples: number;
  seed: number;
  /** Weights are scaled by a factor in [1 - spread, 1 + spread]. */
  spread: number;
  penaltySpread: number;
  marginSpread: number;
}

export function sensitivity(ctx: Core, baseline: readonly ToolId[], opts: SensitivityOptions): Sensitivity {
  // mulberry32: a small seedable generator, so equal input gives equal confidence. Its state
  // lives in a typed array: a uint32 kept in a closure variable would be boxed at every draw.
  const state = new Uint32Array([opts.seed >>> 0]);
  const rand = () => {
    state[0] = state[0]! + 0x6d2b79f5;
    let t = state[0]!;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = ctx.weights.length;
  const scratch = scratchFor(ctx);
  const weights = new Array<number>(n).fill(0);
  // One buffer per option for its sampled ratings.
  const sampled = {} as Record<ToolId, Float64Array[]>;
  const rounded = {} as Record<ToolId, Float64Array[]>;
  for (const tool of ctx.tools) {
    sampled[tool] = ctx.options[tool]!.map(() => new Float64Array(n));
    rounded[tool] = ctx.options[tool]!.map(() => new Float64Array(n));
  }
  const ratingsOf = (tool: ToolId, k: number) => sampled[tool]![k]!;
  const basesOf = (tool: ToolId, k: number) => rounded[tool]![k]!;
  // The row of the baseline: the single tool or the stack of exactly those tools.
  const key = [...baseline].sort().join('+');
  let baselineRow = -1;
  for (let r = 0; r < ctx.tools.length + ctx.stacks.length; r++) if (rowTools(ctx, r).sort().join('+') === key) baselineRow = r;
  const counts = new Float64Array(ctx.tools.length);
  // One draw per catalog rating per sample, shared by every option that takes it: a rating that
  // is off is off on every target that inherits it.
  const draws = new Float64Array(ctx.ratingCount);
  let same = 0;
  for (let s = 0; s < opts.samples; s++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      weights[i] = ctx.weights[i]! * (1 - opts.spread + 2 * opts.spread * rand());
      total += weights[i]!;
    }
    for (let i = 0; i < n; i++) weights[i] = weights[i]! / (total || 1);
    for (let k = 0; k < draws.length; k++) draws[k] = 2 * rand() - 1;
    for (let t = 0; t < ctx.tools.length; t++) {
      const tool = ctx.tools[t]!;
      const options = ctx.options[tool]!;
      for (let k = 0; k < options.length; k++) {
        const o = options[k]!;
        const out = sampled[tool]![k]!;
        const base = rounded[tool]![k]!;
        for (let i = 0; i < n; i++) {
          const spread = o.spread[i]!;
          // A rating with no weight moves neither the score nor a must-have: no draw for it.
          const d = spread > 0 && ctx.weights[i]! > 0 && o.source[i]! >= 0 ? spread * draws[o.source[i]!]! : 0;
          const r = o.ratings[i]! + d;
          out[i] = r < 0 ? 0 : r > 5 ? 5 : r;
          const b = o.base[i]! + d;
          base[i] = d === 0 ? o.base[i]! : Math.round(b < 0 ? 0 : b > 5 ? 5 : b);
        }
      }
    }
    const penalty = ctx.penaltyPerNewTool * (1 - opts.penaltySpread + 2 * opts.penaltySpread * rand());
    const margin = ctx.margin * (1 - opts.marginSpread + 2 * opts.marginSpread * rand());
    const { row, leader } = rule(ctx, weights, penalty, margin, scratch, ratingsOf, basesOf);
    if (row === baselineRow) same++;
    if (leader >= 0) counts[leader]!++;
  }
  const firstChance = Object.fromEntries(ctx.tools.map((t, i) => [t, counts[i]! / opts.samples])) as Record<ToolId, number>;
  return { confidence: same / opts.samples, firstChance, samples: opts.samples };
}
