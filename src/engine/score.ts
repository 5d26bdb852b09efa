// Scores one tool or a stack of tools: a weighted mean of ratings on a 0-100 scale. Each tool runs
// on the target that suits the team best; a stack has a capability when any member has it on its
// target, is as easy to run as its hardest member, and pays a penalty for every tool the team
// does not run yet. Must-haves bind: a tool or stack that misses one is recommended only when
// nothing of the four meets more of them.
import type { ToolId } from '../catalog/ids.js';
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
  for (let i = 0; i < n; i++) if (!existing.has(tools[i]!)) fresh++;
  return ((n * (n - 1)) / 2) * Math.min(1, fresh / (n - 1));
}

export function stackPenalty(tools: readonly ToolId[], ctx: Pick<Core, 'settled' | 'penaltyPerNewTool'>): number {
  return tools.length < 2 ? 0 : seamsToPay(tools, ctx.settled) * ctx.penaltyPerNewTool;
}

/** Must-haves the ratings fall short of; each missing rating point costs a fixed number of points. */
export function gapsOf(base: readonly number[], ctx: Pick<Core, 'requirements' | 'pointsPerMissingRating'>): Gap[] {
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

/** Better first: fewer unmet must-haves, then the higher score, then fewer tools and catalog order. */
export function compareStacks(a: StackScore, b: StackScore, order: readonly ToolId[]): number {
  if (a.gaps.length !== b.gaps.length) return a.gaps.length - b.gaps.length;
  if (b.score !== a.score) return b.score - a.score;
  if (a.tools.length !== b.tools.length) return a.tools.length - b.tools.length;
  // Member by member in catalog order (no strings: a large catalog sorts a thousand stacks).
  for (let i = 0; i < a.tools.length; i++) {
    const d = order.indexOf(a.tools[i]!) - order.indexOf(b.tools[i]!);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Which option is better for a tool: fewer unmet must-haves, then the higher score (ties: the earlier). */
const better = (gaps: number, score: number, bestGaps: number, bestScore: number) => gaps < bestGaps || (gaps === bestGaps && score > bestScore);

/** A tool on the target that serves the team best: the most must-haves met, then the best score. */
export function bestOption(tool: ToolId, ctx: Core, weights: readonly number[] = ctx.weights): StackScore {
  let best: StackScore | undefined;
  for (const o of ctx.options[tool]!) {
    const s = scoreOptions([o], ctx, weights);
    if (!best || better(s.gaps.length, s.score, best.gaps.length, best.score)) best = s;
  }
  return best!;
}

/** Reusable memory for `rule`, so that sampling allocates nothing per sample. */
export interface Scratch {
  /** Per tool, the index of its chosen option. */
  option: Int32Array;
  singleScore: Float64Array;
  singleGaps: Int32Array;
  ratings: Float64Array;
  base: Float64Array;
  stackGaps: Float64Array;
  stackScores: Float64Array;
}

export function scratchFor(ctx: Core): Scratch {
  const n = ctx.criteria.length;
  const t = ctx.tools.length;
  const k = ctx.stacks.length;
  return {
    option: new Int32Array(t),
    singleScore: new Float64Array(t),
    singleGaps: new Int32Array(t),
    ratings: new Float64Array(n),
    base: new Float64Array(n),
    stackGaps: new Float64Array(k),
    stackScores: new Float64Array(k),
  };
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

/** The points the last `missedBy` counted (a module variable, so that a call allocates nothing). */
let missedPoints = 0;

/** How many must-haves a row of base ratings misses; the points they cost go to `missedPoints`. */
function missedBy(base: ArrayLike<number>, ctx: Core): number {
  let count = 0;
  missedPoints = 0;
  for (let q = 0; q < ctx.requirements.length; q++) {
    const req = ctx.requirements[q]!;
    const r = base[req.index]!;
    if (r < req.min) {
      count++;
      missedPoints += (req.min - r) * ctx.pointsPerMissingRating;
    }
  }
  return count;
}

/**
 * The recommendation rule on numbers alone (`decide` names the result). Among the open tools and
 * stacks, only those that miss the fewest must-haves (none, when any can meet them all) are
 * candidates; of these, the best single tool wins unless a stack beats it by the margin (its
 * penalty already charges for the extra tools). On equal scores the earlier entry in tie-break
 * order wins. `ratings` gives the scored ratings of a tool's k-th option and `bases` those the
 * must-haves are judged on (the sampler varies both). Returns the row picked (a tool's
 * index, or the number of tools plus a stack's index; -1 when nothing is open) and the leading
 * single tool's index, each tool's chosen option in `scratch.option`.
 */
export function rule(
  ctx: Core,
  weights: readonly number[],
  penaltyPerNewTool: number,
  margin: number,
  scratch: Scratch,
  ratings: (tool: ToolId, k: number) => ArrayLike<number> = (tool, k) => ctx.options[tool]![k]!.ratings,
  bases: (tool: ToolId, k: number) => ArrayLike<number> = (tool, k) => ctx.options[tool]![k]!.base,
): { row: number; leader: number } {
  const { tools, criteria } = ctx;
  const n = criteria.length;
  let fewest = Infinity;
  for (let t = 0; t < tools.length; t++) {
    const tool = tools[t]!;
    if (ctx.excluded.has(tool)) continue;
    const opts = ctx.options[tool]!;
    let bestGaps = Infinity;
    let bestScore = -Infinity;
    for (let k = 0; k < opts.length; k++) {
      const gaps = missedBy(bases(tool, k), ctx);
      const score = Math.max(0, weightedScore(weights, ratings(tool, k) as number[]) - missedPoints);
      if (better(gaps, score, bestGaps, bestScore)) {
        bestGaps = gaps;
        bestScore = score;
        scratch.option[t] = k;
      }
    }
    scratch.singleGaps[t] = bestGaps;
    scratch.singleScore[t] = bestScore;
    if (bestGaps < fewest) fewest = bestGaps;
  }
  // Stacks, from their members' chosen options.
  const { stackGaps, stackScores } = scratch;
  for (let j = 0; j < ctx.stacks.length; j++) {
    const stack = ctx.stacks[j]!;
    let open = true;
    for (let m = 0; m < stack.length; m++) if (ctx.excluded.has(stack[m]!)) open = false;
    if (!open || !fits(stack, ctx, (tool) => ctx.options[tool]![scratch.option[tools.indexOf(tool)]!]!.target)) {
      stackGaps[j] = 1e9;
      continue;
    }
    for (let m = 0; m < stack.length; m++) {
      const t = tools.indexOf(stack[m]!);
      const k = scratch.option[t]!;
      const row = ratings(stack[m]!, k);
      const base = bases(stack[m]!, k);
      for (let i = 0; i < n; i++) {
        if (m === 0) {
          scratch.ratings[i] = row[i]!;
          scratch.base[i] = base[i]!;
          continue;
        }
        const kind = criteria[i]!.kind;
        const a = scratch.ratings[i]!;
        const b = scratch.base[i]!;
        if (kind === 'capability') {
          scratch.ratings[i] = row[i]! > a ? row[i]! : a;
          scratch.base[i] = base[i]! > b ? base[i]! : b;
        } else if (kind === 'cost') {
          scratch.ratings[i] = row[i]! < a ? row[i]! : a;
          scratch.base[i] = base[i]! < b ? base[i]! : b;
        } else {
          scratch.ratings[i] = a + row[i]!;
          scratch.base[i] = b + base[i]!;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (criteria[i]!.kind !== 'continuity') continue;
      scratch.ratings[i] = Math.min(5, scratch.ratings[i]!);
      scratch.base[i] = Math.min(5, scratch.base[i]!);
    }
    const gaps = missedBy(scratch.base, ctx);
    const penalty = seamsToPay(stack, ctx.settled) * penaltyPerNewTool;
    stackGaps[j] = gaps;
    stackScores[j] = Math.max(0, weightedScore(weights, scratch.ratings as unknown as number[]) - penalty - missedPoints);
    if (gaps < fewest) fewest = gaps;
  }
  let single = -1;
  let leader = -1;
  for (let t = 0; t < tools.length; t++) {
    if (ctx.excluded.has(tools[t]!)) continue;
    if (scratch.singleGaps[t] === fewest && (single < 0 || scratch.singleScore[t]! > scratch.singleScore[single]!)) single = t;
    if (leader < 0 || better(scratch.singleGaps[t]!, scratch.singleScore[t]!, scratch.singleGaps[leader]!, scratch.singleScore[leader]!)) leader = t;
  }
  let stack = -1;
  for (let j = 0; j < ctx.stacks.length; j++) {
    if (stackGaps[j] === fewest && (stack < 0 || stackScores[j]! > stackScores[stack]!)) stack = j;
  }
  const row = stack >= 0 && (single < 0 || stackScores[stack]! >= scratch.singleScore[single]! + margin) ? tools.length + stack : single;
  return { row, leader };
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

/** The tools a picked row of `rule` stands for. */
export function rowTools(ctx: Core, row: number): ToolId[] {
  return row < 0 ? [] : row < ctx.tools.length ? [ctx.tools[row]!] : [...ctx.stacks[row - ctx.tools.length]!];
}

/** The recommendation rule (see `rule`), with every tool and stack scored in full for the result. */
export function decide(ctx: Core, weights: readonly number[] = ctx.weights): Decision {
  const scratch = scratchFor(ctx);
  const { row, leader } = rule(ctx, weights, ctx.penaltyPerNewTool, ctx.margin, scratch);
  const chosen = (t: ToolId) => ctx.options[t]![scratch.option[ctx.tools.indexOf(t)]!]!;
  const singles = ctx.tools.map((t) => (ctx.excluded.has(t) ? impossible(t, ctx) : scoreOptions([chosen(t)], ctx, weights)));
  const stacks = ctx.stacks
    .filter((s) => !s.some((t) => ctx.excluded.has(t)) && fits(s, ctx, (t) => chosen(t).target))
    .map((s) => scoreOptions(s.map(chosen), ctx, weights));
  return { singles, stacks: stacks.sort((a, b) => compareStacks(a, b, ctx.tools)), tools: rowTools(ctx, row), leader: leader < 0 ? undefined : ctx.tools[leader] };
}

/** Just the recommended tools. */
export function decideTools(ctx: Core, weights: readonly number[] = ctx.weights): ToolId[] {
  return rowTools(ctx, rule(ctx, weights, ctx.penaltyPerNewTool, ctx.margin, scratchFor(ctx)).row);
}
