// Scores one tool or a stack of tools: a weighted mean of ratings on a 0-100 scale. A stack has a
// capability when any member has it, is as easy to run as its hardest member, and pays a penalty
// for every tool the team does not run yet.
import type { ToolId } from '../catalog/schema.js';
import type { Context, Gap, StackScore } from './types.js';

export function stackRatings(tools: readonly ToolId[], ctx: Context): number[] {
  return ctx.criteria.map((c, i) => {
    const rs = tools.map((t) => ctx.ratings[t][i]!);
    if (c.kind === 'capability') return Math.max(...rs);
    if (c.kind === 'cost') return Math.min(...rs);
    return Math.min(5, rs.reduce((a, b) => a + b, 0));
  });
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

/**
 * The recommendation rule: the best single tool that is not excluded, unless a stack beats it by
 * the margin (its penalty already charges for the extra tools).
 */
export function decide(ctx: Context, weights: readonly number[] = ctx.weights): Decision {
  const singles = ctx.tools.map((t) => scoreStack([t], ctx, weights));
  const open = singles.filter((s) => !ctx.excluded.has(s.tools[0]!)).sort((a, b) => compareStacks(a, b, ctx.tools));
  const stacks = candidateStacks(ctx)
    .map((t) => scoreStack(t, ctx, weights))
    .sort((a, b) => compareStacks(a, b, ctx.tools));
  const best = open[0];
  const bestStack = stacks[0];
  let tools: ToolId[];
  if (!best) tools = [];
  else if (bestStack && bestStack.score >= best.score + ctx.margin) tools = bestStack.tools;
  else tools = best.tools;
  return { singles, stacks, tools };
}
