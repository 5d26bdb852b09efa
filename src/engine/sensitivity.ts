// How sure is the advice? Re-decide under many plausible variations of the model around the
// answers: each weight scaled by a random factor, each rating moved by up to its uncertainty
// (larger where sources disagree or the rating rests on judgement), the stack penalty and the
// margin scaled. Must-haves are judged on the varied rating rounded to a whole point, so a rating
// one point from a threshold with an uncertainty of 1 meets it in a quarter of the samples, and
// one of ±0.5 never changes side. The samples run through the advice's own rule (rule.ts), all
// at once: the rule takes a run of numbers per criterion, one for each sample.
import type { ToolId } from '../catalog/ids.js';
import { decideRows, planFor, type Samples } from './rule.js';
import { rowTools } from './score.js';
import type { Core, Option } from './types.js';

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

/**
 * Numbers of the mulberry32 generator seeded with `seed` (a small seedable generator, so equal
 * input gives equal confidence): the j-th number (from 1) for j = first, first + stride, ... into
 * `out`, one per sample. The generator's state only counts up, so any number can be made without
 * the ones before it, and a sample draws only the numbers it uses. One plain loop, which V8
 * optimises within the run.
 */
function draws(out: Float64Array, seed: number, first: number, stride: number): Float64Array {
  for (let s = 0; s < out.length; s++) {
    let t = (seed + Math.imul(first + s * stride, 0x6d2b79f5)) >>> 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[s] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return out;
}

export function sensitivity(ctx: Core, baseline: readonly ToolId[], opts: SensitivityOptions): Sensitivity {
  const S = opts.samples;
  const seed = opts.seed >>> 0;
  const plan = planFor(ctx);
  const { act, reqIndex } = plan;
  const n = ctx.weights.length;
  // Each sample takes its numbers in this order: a factor per weight, a draw per catalog rating,
  // the penalty's factor, the margin's factor.
  const stride = n + ctx.ratingCount + 2;
  const weights = new Float64Array(act.length * S);
  const total = new Float64Array(S);
  const u = new Float64Array(S);
  for (let a = 0; a < act.length; a++) {
    const w = ctx.weights[act[a]!]!;
    draws(u, seed, act[a]! + 1, stride);
    for (let s = 0; s < S; s++) {
      const v = w * (1 - opts.spread + 2 * opts.spread * u[s]!);
      weights[a * S + s] = v;
      total[s] = total[s]! + v;
    }
  }
  for (let a = 0; a < act.length; a++) for (let s = 0; s < S; s++) weights[a * S + s] = weights[a * S + s]! / (total[s] || 1);
  // One draw per catalog rating per sample, shared by every option that takes it: a rating that
  // is off is off on every target that inherits it. Only ratings with weight move anything.
  const moves: Float64Array[] = [];
  const drawsOf = (source: number): Float64Array => {
    let d = moves[source];
    if (!d) {
      d = moves[source] = draws(new Float64Array(S), seed, n + source + 1, stride);
      for (let s = 0; s < S; s++) d[s] = 2 * d[s]! - 1;
    }
    return d;
  };
  const varies = (o: Option, i: number) => o.spread[i]! > 0 && ctx.weights[i]! > 0 && o.source[i]! >= 0;
  /**
   * An option's numbers on the criteria `at`, each sample's moved by its draw: the ratings the
   * score uses (`from` o.ratings, clamped to 0-5), or those the must-haves are judged on (`from`
   * o.base, `round`ed to a whole point when moved).
   */
  const moved = (o: Option, at: Int32Array, from: readonly number[], round: boolean): Float64Array => {
    const out = new Float64Array(at.length * S);
    for (let a = 0; a < at.length; a++) {
      const i = at[a]!;
      const r0 = from[i]!;
      const d = varies(o, i) ? drawsOf(o.source[i]!) : undefined;
      const spread = o.spread[i]!;
      for (let s = 0; s < S; s++) {
        const v = d ? spread * d[s]! : 0;
        const r = r0 + v;
        const clamped = r < 0 ? 0 : r > 5 ? 5 : r;
        out[a * S + s] = !round ? clamped : v === 0 ? r0 : Math.round(clamped);
      }
    }
    return out;
  };
  const ratings = plan.options.map((o) => moved(o, act, o.ratings, false));
  // Must-haves are judged on the varied rating rounded to a whole point.
  const bases = plan.options.map((o) => moved(o, reqIndex, o.base, true));
  const penalty = new Float64Array(S);
  const margin = new Float64Array(S);
  draws(penalty, seed, n + ctx.ratingCount + 1, stride);
  draws(margin, seed, n + ctx.ratingCount + 2, stride);
  for (let s = 0; s < S; s++) {
    penalty[s] = ctx.penaltyPerNewTool * (1 - opts.penaltySpread + 2 * opts.penaltySpread * penalty[s]!);
    margin[s] = ctx.margin * (1 - opts.marginSpread + 2 * opts.marginSpread * margin[s]!);
  }
  const samples: Samples = { S, weights, ratings, bases, penalty, margin };
  const { row, leader } = decideRows(plan, samples);
  // The row of the baseline: the single tool or the stack of exactly those tools.
  const key = [...baseline].sort().join('+');
  let baselineRow = -1;
  for (let r = 0; r < ctx.tools.length + ctx.stacks.length; r++) if (rowTools(ctx, r).sort().join('+') === key) baselineRow = r;
  const counts = new Float64Array(ctx.tools.length);
  let same = 0;
  for (let s = 0; s < S; s++) {
    if (row[s] === baselineRow) same++;
    if (leader[s]! >= 0) counts[leader[s]!]!++;
  }
  const firstChance = Object.fromEntries(ctx.tools.map((t, i) => [t, counts[i]! / S])) as Record<ToolId, number>;
  return { confidence: same / S, firstChance, samples: S };
}
