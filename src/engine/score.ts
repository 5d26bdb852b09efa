// Scores one tool or a stack of tools: a weighted mean of ratings on a 0-100 scale. A stack has a
// capability when any member has it, is as easy to run as its hardest member, and pays a penalty
// for every tool the team does not run yet.
import type { ToolId } from '../catalog/schema.js';
import type { Context, Gap, StackScore } from './types.js';

export function stackRatings(tools: readonly ToolId[], ctx: Context): number[] {
  const rows = tools.map((t) => ctx.ratings[t]);
  const out = new Array<number>(ctx.criteria.length);
  for (let i = 0; i < out.length; i++) {
    const kind = ctx.criteria[i]!.kind;
    let v = rows[0]![i]!;
    for (let k = 1; k < rows.length; k++) {
      const r = rows[k]![i]!;
      if (kind === 'capability') v = r > v ? r : v;
      else if (kind === 'cost') v = r < v ? r : v;
      else v += r;
    }
    out[i] = kind === 'continuity' ? Math.min(5, v) : v;
  }
  return out;
}

/** Points of the 0-100 score that each criterion contributes (they add up to the score before any penalty). */
export function contributions(weights: readonly number[], ratings: readonly number[]): number[] {
  return weights.map((w, i) => (w * ratings[i]! * 100) / 5);
}

export function weightedScore(weights: readonly number[], ratings: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i]! * ratings[i]!;
  return (s * 100) / 5;
}

export function stackPenalty(tools: readonly ToolId[], ctx: Context): number {
  const n = tools.length;
  if (n < 2) return 0;
  // Tools must be wired to each other: n tools have n(n-1)/2 seams to build and keep working.
  // Seams between tools the team already runs are paid for, so only the new tools' share counts.
  const fresh = tools.filter((t) => !ctx.existing.has(t)).length;
  const share = Math.min(1, fresh / (n - 1));
  return ((n * (n - 1)) / 2) * share * ctx.penaltyPerNewTool;
}

/** Declared needs the stack falls short of; each missing rating point costs a fixed number of points. */
export function stackGaps(ratings: readonly number[], ctx: Context): Gap[] {
  const gaps: Gap[] = [];
  for (const req of ctx.requirements) {
    const rating = ratings[req.index]!;
    if (rating < req.min) gaps.push({ requirement: req, rating, points: (req.min - rating) * ctx.pointsPerMissingRating });
  }
  return gaps;
}

export function scoreStack(tools: readonly ToolId[], ctx: Context, weights: readonly number[] = ctx.weights): StackScore {
  const ratings = stackRatings(tools, ctx);
  const capabilityScore = weightedScore(weights, ratings);
  const penalty = stackPenalty(tools, ctx);
  const gaps = stackGaps(ratings, ctx);
  const gapPoints = gaps.reduce((s, g) => s + g.points, 0);
  return { tools: [...tools], ratings, capabilityScore, penalty, gaps, score: Math.max(0, capabilityScore - penalty - gapPoints) };
}

/** Every stack of 2..maxTools tools that are not excluded, in catalog order. */
export function candidateStacks(ctx: Context): ToolId[][] {
  const open = ctx.tools.filter((t) => !ctx.excluded.has(t));
  const out: ToolId[][] = [];
  const walk = (start: number, acc: ToolId[]) => {
    if (acc.length >= 2) out.push([...acc]);
    if (acc.length === ctx.maxTools) return;
    for (let i = start; i < open.length; i++) walk(i + 1, [...acc, open[i]!]);
  };
  walk(0, []);
  return out;
}

/** Best first; equal scores fall back to fewer tools, then catalog order, so ranking is deterministic. */
export function compareStacks(a: StackScore, b: StackScore, order: readonly ToolId[]): number {
  if (b.score !== a.score) return b.score - a.score;
  if (a.tools.length !== b.tools.length) return a.tools.length - b.tools.length;
  const key = (s: StackScore) => s.tools.map((t) => order.indexOf(t)).join(',');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export interface Decision {
  singles: StackScore[];
  stacks: StackScore[];
  tools: ToolId[];
}

/** What does not depend on the weights, computed once per context: sampling only re-weights. */
export interface Prepared {
  /** Open single tools, then stacks, each in tie-break order (fewer tools, then catalog order). */
  singles: { tools: ToolId[]; ratings: number[]; fixed: number }[];
  stacks: { tools: ToolId[]; ratings: number[]; fixed: number }[];
}

const preparedCache = new WeakMap<Context, Prepared>();

export function prepare(ctx: Context): Prepared {
  let p = preparedCache.get(ctx);
  if (!p) {
    const entry = (tools: ToolId[]) => {
      const ratings = stackRatings(tools, ctx);
      let fixed = stackPenalty(tools, ctx);
      for (const req of ctx.requirements) {
        const r = ratings[req.index]!;
        if (r < req.min) fixed += (req.min - r) * ctx.pointsPerMissingRating;
      }
      return { tools, ratings, fixed };
    };
    // candidateStacks walks in catalog order; a stable sort by size gives the tie-break order.
    const stacks = candidateStacks(ctx).sort((a, b) => a.length - b.length);
    p = {
      singles: ctx.tools.filter((t) => !ctx.excluded.has(t)).map((t) => entry([t])),
      stacks: stacks.map(entry),
    };
    preparedCache.set(ctx, p);
  }
  return p;
}

/** The best entry by score; on equal scores the earlier one (tie-break order) wins. */
function best(entries: Prepared['singles'], weights: readonly number[]): { tools: ToolId[]; score: number } | undefined {
  let top: { tools: ToolId[]; score: number } | undefined;
  for (const e of entries) {
    const score = Math.max(0, weightedScore(weights, e.ratings) - e.fixed);
    if (!top || score > top.score) top = { tools: e.tools, score };
  }
  return top;
}

/**
 * The recommendation rule: the best single tool that is not excluded, unless a stack beats it by
 * the margin (its penalty already charges for the extra tools). The fast path for sampling and
 * for re-running changed answers.
 */
export function decideTools(ctx: Context, weights: readonly number[] = ctx.weights): ToolId[] {
  const p = prepare(ctx);
  const single = best(p.singles, weights);
  const stack = best(p.stacks, weights);
  if (!single) return stack?.tools ?? [];
  return stack && stack.score >= single.score + ctx.margin ? stack.tools : single.tools;
}

/** The same decision with every single tool and stack scored in full, for the result. */
export function decide(ctx: Context): Decision {
  const singles = ctx.tools.map((t) => scoreStack([t], ctx));
  const stacks = candidateStacks(ctx)
    .map((t) => scoreStack(t, ctx))
    .sort((a, b) => compareStacks(a, b, ctx.tools));
  return { singles, stacks, tools: decideTools(ctx) };
}

/** Open single tools by score under these weights, best first (ties keep catalog order). */
export function singleScores(ctx: Context, weights: readonly number[]): { tool: ToolId; score: number }[] {
  return prepare(ctx)
    .singles.map((e) => ({ tool: e.tools[0]!, score: Math.max(0, weightedScore(weights, e.ratings) - e.fixed) }))
    .sort((a, b) => b.score - a.score);
}
