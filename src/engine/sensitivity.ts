// How stable is the choice? Re-decide under many plausible weightings around the answers' own
// (each weight scaled by a seeded random factor in [1 - spread, 1 + spread]).
import type { ToolId } from '../catalog/schema.js';
import { seededRandom } from './random.js';
import { decide } from './score.js';
import type { Context } from './types.js';

export interface Sensitivity {
  /** Share of samples whose recommendation equals the baseline one. */
  confidence: number;
  /** Share of samples in which each tool is the best single tool (excluded tools never are). */
  firstChance: Record<ToolId, number>;
  samples: number;
}

const sameTools = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

export function sensitivity(
  ctx: Context,
  baseline: readonly ToolId[],
  opts: { samples: number; seed: number; spread: number },
): Sensitivity {
  const rand = seededRandom(opts.seed);
  const firstCount = Object.fromEntries(ctx.tools.map((t) => [t, 0])) as Record<ToolId, number>;
  let same = 0;
  const w = new Array<number>(ctx.weights.length);
  for (let i = 0; i < opts.samples; i++) {
    let total = 0;
    for (let c = 0; c < w.length; c++) {
      w[c] = ctx.weights[c]! * (1 - opts.spread + 2 * opts.spread * rand());
      total += w[c]!;
    }
    for (let c = 0; c < w.length; c++) w[c] = w[c]! / (total || 1);
    const d = decide(ctx, w);
    if (sameTools(d.tools, baseline)) same++;
    let best: ToolId | undefined;
    let bestScore = -Infinity;
    for (const s of d.singles) {
      if (!ctx.excluded.has(s.tools[0]!) && s.score > bestScore) {
        bestScore = s.score;
        best = s.tools[0];
      }
    }
    if (best) firstCount[best]++;
  }
  const firstChance = Object.fromEntries(
    ctx.tools.map((t) => [t, firstCount[t] / opts.samples]),
  ) as Record<ToolId, number>;
  return { confidence: same / opts.samples, firstChance, samples: opts.samples };
}
