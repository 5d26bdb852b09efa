// Scores one tool or a stack of tools: a weighted mean of ratings on a 0-100 scale. Each tool runs
// on the target that suits the team best; a stack has a capability when any member has it on its
// target, is as easy to run as its hardest member, and pays a penalty for every tool the team
// does not run yet. Must-haves bind: a tool or stack that misses one is recommended only when
// nothing of the four meets more of them.
import type { ToolId } from '../catalog/ids.js';
import { TIE, better, decideRows, ownSample, planFor, seamsToPay } from './rule.js';
import type { Core, Gap, Option, StackScore } from './types.js';

/** A stack's ratings from its members' (capability: the best; cost: the hardest; continuity: summed). */
export function combine(rows: readonly (readonly number[])[], ctx: Pick<Core, 'criteria'>, out: number[] = new Array<number>(ctx.criteria.length)): number[] {
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

function weightedScore(weights: readonly number[], ratings: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i]! * ratings[i]!;
  return (s * 100) / 5;
}

export function stackPenalty(tools: readonly ToolId[], ctx: Pick<Core, 'settled' | 'penaltyPerNewTool'>): number {
  return tools.length < 2 ? 0 : seamsToPay(tools, ctx.settled) * ctx.penaltyPerNewTool;
}

/** Must-haves the ratings fall short of; each missing rating point costs a fixed number of points. */
function gapsOf(base: readonly number[], ctx: Pick<Core, 'requirements' | 'pointsPerMissingRating'>): Gap[] {
  const gaps: Gap[] = [];
  for (const req of ctx.requirements) {
    const rating = base[req.index]!;
    if (rating < req.min) gaps.push({ requirement: req, rating, points: (req.min - rating) * ctx.pointsPerMissingRating });
  }
  return gaps;
}

/** A tool or stack on the given targets, scored in full. */
export function scoreOptions(options: readonly Option[], ctx: Core, weights: readonly number[] = ctx.weights): StackScore {
  const tools = options.map((o) => o.tool);
  const ratings = options.length === 1 ? [...options[0]!.ratings] : combine(options.map((o) => o.ratings), ctx);
  const base = options.length === 1 ? options[0]!.base : combine(options.map((o) => o.base), ctx);
  const capabilityScore = weightedScore(weights, ratings);
  const penalty = stackPenalty(tools, ctx);
  const gaps = gapsOf(base, ctx);
  const missed = gaps.reduce((s, g) => s + g.points, 0);
  return { tools, options: [...options], ratings, capabilityScore, penalty, gaps, score: Math.max(0, capabilityScore - penalty - missed) };
}

/**
 * Better first: fewer unmet must-haves, then the higher score, then fewer tools; between stacks
 * of equal score and size, the one whose members score higher on their own (`single`: each
 * tool's own score), so a tie never drops the stronger tool for catalog order; then catalog order.
 */
export function compareStacks(a: StackScore, b: StackScore, order: readonly ToolId[], single?: ReadonlyMap<ToolId, number>): number {
  if (a.gaps.length !== b.gaps.length) return a.gaps.length - b.gaps.length;
  if (Math.abs(b.score - a.score) > TIE) return b.score - a.score;
  if (a.tools.length !== b.tools.length) return a.tools.length - b.tools.length;
  if (single && a.tools.length > 1) {
    const strength = (x: StackScore) => x.tools.reduce((sum, t) => sum + (single.get(t) ?? 0), 0);
    const d = strength(b) - strength(a);
    if (Math.abs(d) > TIE) return d;
  }
  // Member by member in catalog order (no strings: a large catalog sorts a thousand stacks).
  for (let i = 0; i < a.tools.length; i++) {
    const d = order.indexOf(a.tools[i]!) - order.indexOf(b.tools[i]!);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** A tool on the target that serves the team best: the most must-haves met, then the best score. */
export function bestOption(tool: ToolId, ctx: Core, weights: readonly number[] = ctx.weights): StackScore {
  let best: StackScore | undefined;
  for (const o of ctx.options[tool]!) {
    const s = scoreOptions([o], ctx, weights);
    if (!best || better(s.gaps.length, s.score, best.gaps.length, best.score)) best = s;
  }
  return best!;
}

/** Whether the members of a stack, each on its option (`targetOf`), can work together. */
export function fits(stack: readonly ToolId[], ctx: Pick<Core, 'pairs'>, targetOf: (tool: ToolId) => number): boolean {
  for (let p = 0; p < ctx.pairs.length; p++) {
    const pair = ctx.pairs[p]!;
    if (!stack.includes(pair.tools[0]) || !stack.includes(pair.tools[1])) continue;
    for (let m = 0; m < 2; m++) {
      const allowed = pair.needs[pair.tools[m]!];
      if (allowed && !allowed.has(targetOf(pair.tools[m]!))) return false;
    }
  }
  return true;
}

export interface Decision {
  /** Every tool on its best target, in catalog order (excluded tools too, scoring nothing). */
  singles: StackScore[];
  /** Stacks of tools that are not excluded, best first. */
  stacks: StackScore[];
  tools: ToolId[];
  /** The single tool that leads among those meeting the most must-haves (undefined: none open). */
  leader: ToolId | undefined;
}

/** A tool no target fits: it scores nothing (its options are kept only to name what it lacks). */
function impossible(tool: ToolId, ctx: Core): StackScore {
  const o = ctx.options[tool]![0]!;
  return { tools: [tool], options: [o], ratings: o.ratings.map(() => 0), capabilityScore: 0, penalty: 0, gaps: [], score: 0 };
}

/** The tools a picked row of the rule (rule.ts) stands for. */
export function rowTools(ctx: Core, row: number): ToolId[] {
  return row < 0 ? [] : row < ctx.tools.length ? [ctx.tools[row]!] : [...ctx.stacks[row - ctx.tools.length]!];
}

/** The answers' own numbers through the rule (rule.ts), as one sample. */
function decideOnce(ctx: Core, weights: readonly number[]): { row: number; leader: number; option: Int32Array } {
  const plan = planFor(ctx, weights);
  const { row, leader, option } = decideRows(plan, ownSample(plan, ctx, weights));
  return { row: row[0]!, leader: leader[0]!, option };
}

/** The recommendation rule (rule.ts), with every tool and stack scored in full for the result. */
export function decide(ctx: Core, weights: readonly number[] = ctx.weights): Decision {
  const { row, leader, option } = decideOnce(ctx, weights);
  const chosen = (t: ToolId) => ctx.options[t]![option[ctx.tools.indexOf(t)]!]!;
  const singles = ctx.tools.map((t) => (ctx.excluded.has(t) ? impossible(t, ctx) : scoreOptions([chosen(t)], ctx, weights)));
  const stacks = ctx.stacks
    .filter((s) => !s.some((t) => ctx.excluded.has(t)) && fits(s, ctx, (t) => chosen(t).target))
    .map((s) => scoreOptions(s.map(chosen), ctx, weights));
  const own = new Map(singles.map((x) => [x.tools[0]!, x.score]));
  return { singles, stacks: stacks.sort((a, b) => compareStacks(a, b, ctx.tools, own)), tools: rowTools(ctx, row), leader: leader < 0 ? undefined : ctx.tools[leader] };
}

/** Just the recommended tools. */
export function decideTools(ctx: Core, weights: readonly number[] = ctx.weights): ToolId[] {
  return rowTools(ctx, decideOnce(ctx, weights).row);
}
