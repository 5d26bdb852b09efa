// Scores one tool or a stack of tools: a weighted mean of ratings on a 0-100 scale. A stack has a
// capability when any member has it, is as easy to run as its hardest member, and pays a penalty
// for every tool the team does not run yet.
import type { ToolId } from '../catalog/ids.js';
import type { Core, Gap, StackScore } from './types.js';

export function stackRatings(
  tools: readonly ToolId[],
  ctx: Pick<Core, 'ratings' | 'criteria'>,
  out: number[] = new Array<number>(ctx.criteria.length),
): number[] {
  const rows = tools.map((t) => ctx.ratings[t]);
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

/**
 * Tools must be wired to each other: n tools have n(n-1)/2 seams to build and keep working. Seams
 * between tools the team already runs are paid for, so only the new tools' share counts.
 */
export function seamsToPay(tools: readonly ToolId[], existing: ReadonlySet<ToolId>): number {
  const n = tools.length;
  if (n < 2) return 0;
  let fresh = 0;
  for (const t of tools) if (!existing.has(t)) fresh++;
  return ((n * (n - 1)) / 2) * Math.min(1, fresh / (n - 1));
}

export function stackPenalty(tools: readonly ToolId[], ctx: Core): number {
  return tools.length < 2 ? 0 : seamsToPay(tools, ctx.existing) * ctx.penaltyPerNewTool;
}

/** Declared needs the stack falls short of; each missing rating point costs a fixed number of points. */
export function stackGaps(ratings: readonly number[], ctx: Core): Gap[] {
  const gaps: Gap[] = [];
  for (const req of ctx.requirements) {
    const rating = ratings[req.index]!;
    if (rating < req.min) gaps.push({ requirement: req, rating, points: (req.min - rating) * ctx.pointsPerMissingRating });
  }
  return gaps;
}

/** What a stack pays whatever the weights: its seams, then each declared need it misses. */
function fixedCost(tools: readonly ToolId[], ratings: readonly number[], ctx: Core): number {
  let fixed = stackPenalty(tools, ctx);
  for (const req of ctx.requirements) {
    const r = ratings[req.index]!;
    if (r < req.min) fixed += (req.min - r) * ctx.pointsPerMissingRating;
  }
  return fixed;
}

export function scoreStack(tools: readonly ToolId[], ctx: Core, weights: readonly number[] = ctx.weights, ratings: number[] = stackRatings(tools, ctx)): StackScore {
  const capabilityScore = weightedScore(weights, ratings);
  const penalty = stackPenalty(tools, ctx);
  const gaps = stackGaps(ratings, ctx);
  return { tools: [...tools], ratings, capabilityScore, penalty, gaps, score: Math.max(0, capabilityScore - fixedCost(tools, ratings, ctx)) };
}

/** Every stack of 2..maxTools tools that are not excluded, in tie-break order. */
export function candidateStacks(ctx: Core): ToolId[][] {
  return ctx.stacks.filter((s) => !s.some((t) => ctx.excluded.has(t)));
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

const preparedCache = new WeakMap<Core, Prepared>();

export function prepare(ctx: Core): Prepared {
  let p = preparedCache.get(ctx);
  if (!p) {
    const entry = (tools: ToolId[]) => {
      const ratings = stackRatings(tools, ctx);
      return { tools, ratings, fixed: fixedCost(tools, ratings, ctx) };
    };
    p = {
      singles: ctx.tools.filter((t) => !ctx.excluded.has(t)).map((t) => entry([t])),
      stacks: candidateStacks(ctx).map(entry),
    };
    preparedCache.set(ctx, p);
  }
  return p;
}

/**
 * The recommendation rule: the best single tool that is not excluded, unless a stack beats it by
 * the margin (its penalty already charges for the extra tools). On equal scores the earlier
 * entry in tie-break order wins. The fast path for re-running changed answers: nothing is kept.
 */
export function decideTools(ctx: Core, weights: readonly number[] = ctx.weights): ToolId[] {
  const scratch = new Array<number>(ctx.criteria.length);
  const score = (tools: readonly ToolId[]) => {
    stackRatings(tools, ctx, scratch);
    return Math.max(0, weightedScore(weights, scratch) - fixedCost(tools, scratch, ctx));
  };
  // Rows: the single tools, then the stacks, in tie-break order.
  const best = new BestRows();
  const nTools = ctx.tools.length;
  for (let i = 0; i < nTools; i++) if (!ctx.excluded.has(ctx.tools[i]!)) best.offer(i, score([ctx.tools[i]!]), true);
  ctx.stacks.forEach((s, j) => {
    if (!s.some((t) => ctx.excluded.has(t))) best.offer(nTools + j, score(s), false);
  });
  const pick = best.pick(ctx.margin);
  return pick < 0 ? [] : pick < nTools ? [ctx.tools[pick]!] : [...ctx.stacks[pick - nTools]!];
}

/**
 * The same decision with every single tool and stack scored in full, for the result. Each row's
 * ratings and fixed cost are worked out once here, and kept for `prepare` (the sampling).
 */
export function decide(ctx: Core): Decision {
  const prepared: Prepared = { singles: [], stacks: [] };
  const scored = (tools: ToolId[], rows: Prepared['singles'] | undefined) => {
    const ratings = stackRatings(tools, ctx);
    const s = scoreStack(tools, ctx, ctx.weights, ratings);
    rows?.push({ tools, ratings, fixed: fixedCost(tools, ratings, ctx) });
    return s;
  };
  const singles = ctx.tools.map((t) => scored([t], ctx.excluded.has(t) ? undefined : prepared.singles));
  const open = candidateStacks(ctx).map((t) => scored(t, prepared.stacks));
  if (!preparedCache.has(ctx)) preparedCache.set(ctx, prepared);
  // The rule of decideTools on the same scores; rows: the single tools, then the open stacks.
  const best = new BestRows();
  singles.forEach((s, i) => {
    if (!ctx.excluded.has(s.tools[0]!)) best.offer(i, s.score, true);
  });
  open.forEach((s, j) => best.offer(singles.length + j, s.score, false));
  const pick = best.pick(ctx.margin);
  const tools = pick < 0 ? [] : [...(pick < singles.length ? singles[pick]! : open[pick - singles.length]!).tools];
  return { singles, stacks: open.slice().sort((a, b) => compareStacks(a, b, ctx.tools)), tools };
}

/**
 * One pass of the recommendation rule, the one copy:
 * rows are offered in order, the best single tool and the best stack are kept (ties: the earlier
 * row), and the stack is picked only when it beats the single tool by the margin.
 */
export class BestRows {
  single = -1;
  singleScore = -Infinity;
  stack = -1;
  stackScore = -Infinity;

  offer(row: number, score: number, isSingle: boolean): void {
    if (isSingle) {
      if (score > this.singleScore) {
        this.singleScore = score;
        this.single = row;
      }
    } else if (score > this.stackScore) {
      this.stackScore = score;
      this.stack = row;
    }
  }

  /** The row the rule picks, or -1 when no row was offered. */
  pick(margin: number): number {
    return this.stack >= 0 && (this.single < 0 || this.stackScore >= this.singleScore + margin) ? this.stack : this.single;
  }
}
