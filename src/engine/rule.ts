// The recommendation rule on numbers alone, for S sets of numbers at once: the advice itself
// (S = 1, `decide` in score.ts) and every sensitivity sample (sensitivity.ts) run this one code.
// Among the open tools and stacks, only those that miss the fewest must-haves (none, when any can
// meet them all) are candidates; of these, the best single tool wins unless a stack beats it by
// the margin (its penalty already charges for the extra tools). On equal scores the earlier entry
// in tie-break order wins (fewer tools, then catalog order), except that of two stacks of one
// size, the one whose members score higher on their own wins. Each tool runs on its option
// (deployment target) that misses the fewest must-haves, then scores best.
//
// Numbers are laid out criterion by criterion, each a run of S samples ([a * S + s]), so every
// inner loop walks the samples of one criterion: short, typed loops of one shape, which V8 runs
// fast even before it optimises them. Only weighted criteria are scored (a weight of 0 adds
// nothing), and must-haves are judged on their own criteria only.
import type { ToolId } from '../catalog/ids.js';
import type { Core, Option } from './types.js';

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

const CAPABILITY = 0;
const COST = 1;
const CONTINUITY = 2;
/**
 * Scores this close are equal: sums of the same ratings in another order differ in the last bits
 * (86.8 and 86.79999999999998), which must not decide between two stacks.
 */
export const TIE = 1e-9;
/** More must-haves missed than any row can miss: "nothing yet". */
const NONE = 0x3fffffff;

/** What the rule needs of a Core, as numbers and indices, laid out once. */
export interface Plan {
  /** The criteria that carry weight (indices into Core.criteria). */
  act: Int32Array;
  /** Their kinds (CAPABILITY, COST, CONTINUITY). */
  kinds: Int8Array;
  /** The must-haves: their criterion index, minimum and kind. */
  reqIndex: Int32Array;
  reqMin: Float64Array;
  reqKinds: Int8Array;
  pointsPerMissing: number;
  /** Per tool (Core.tools order): whether any target fits it. */
  open: Uint8Array;
  /** Per tool, its first option in `options` (excluded tools have none); one entry more at the end. */
  first: Int32Array;
  /** The options of the open tools, tool by tool. */
  options: Option[];
  stacks: PlanStack[];
}

interface PlanStack {
  /** Member tools (indices into Core.tools). */
  members: Int32Array;
  /** Whether every member is open. */
  open: boolean;
  seams: number;
  /** Per member, which of its options work with the others (pairs that need given targets); null: all. */
  ok: (Uint8Array | null)[];
}

const kindOf = (kind: string): number => (kind === 'capability' ? CAPABILITY : kind === 'cost' ? COST : CONTINUITY);

export function planFor(core: Core, weights: readonly number[] = core.weights): Plan {
  // Plain loops and sized arrays throughout: flips and the roadmap lay a plan out for every
  // answer they try, in V8's interpreter.
  let count = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) count++;
  const act = new Int32Array(count);
  const kinds = new Int8Array(count);
  for (let i = 0, a = 0; i < weights.length; i++) {
    if (!(weights[i]! > 0)) continue;
    act[a] = i;
    kinds[a++] = kindOf(core.criteria[i]!.kind);
  }
  const tools = core.tools;
  const open = new Uint8Array(tools.length);
  const first = new Int32Array(tools.length + 1);
  const options: Option[] = [];
  for (let t = 0; t < tools.length; t++) {
    first[t] = options.length;
    if (core.excluded.has(tools[t]!)) continue;
    open[t] = 1;
    const own = core.options[tools[t]!]!;
    for (let k = 0; k < own.length; k++) options.push(own[k]!);
  }
  first[tools.length] = options.length;
  const stacks: PlanStack[] = [];
  for (let j = 0; j < core.stacks.length; j++) {
    const stack = core.stacks[j]!;
    const members = new Int32Array(stack.length);
    let isOpen = true;
    for (let m = 0; m < stack.length; m++) {
      members[m] = tools.indexOf(stack[m]!);
      if (!open[members[m]!]) isOpen = false;
    }
    if (!isOpen) {
      stacks.push({ members, open: false, seams: 0, ok: [] });
      continue;
    }
    const ok: (Uint8Array | null)[] = [];
    for (let m = 0; m < stack.length; m++) ok.push(optionsThatFit(core, stack, stack[m]!, options, first[members[m]!]!, first[members[m]! + 1]!));
    stacks.push({ members, open: true, seams: seamsToPay(stack, core.settled), ok });
  }
  const reqs = core.requirements;
  const reqIndex = new Int32Array(reqs.length);
  const reqMin = new Float64Array(reqs.length);
  const reqKinds = new Int8Array(reqs.length);
  for (let q = 0; q < reqs.length; q++) {
    reqIndex[q] = reqs[q]!.index;
    reqMin[q] = reqs[q]!.min;
    reqKinds[q] = kindOf(core.criteria[reqs[q]!.index]!.kind);
  }
  return { act, kinds, reqIndex, reqMin, reqKinds, pointsPerMissing: core.pointsPerMissingRating, open, first, options, stacks };
}

/** Which of a member's options (options[from..to]) work with the stack's other members; null: all. */
function optionsThatFit(core: Core, stack: readonly string[], tool: string, options: Option[], from: number, to: number): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (const pair of core.pairs) {
    if (!stack.includes(pair.tools[0]) || !stack.includes(pair.tools[1])) continue;
    const allowed = pair.needs[tool];
    if (!allowed) continue;
    mask ??= new Uint8Array(to - from).fill(1);
    for (let k = 0; k < mask.length; k++) if (!allowed.has(options[from + k]!.target)) mask[k] = 0;
  }
  return mask;
}

/** The numbers of S samples (S = 1: the answers' own). */
export interface Samples {
  S: number;
  /** Normalised weights of the weighted criteria: [a * S + s]. */
  weights: Float64Array;
  /** Per option of the plan, its ratings on the weighted criteria: [a * S + s]. */
  ratings: Float64Array[];
  /** Per option of the plan, the ratings its must-haves are judged on: [q * S + s]. */
  bases: Float64Array[];
  penalty: Float64Array;
  margin: Float64Array;
}

/** The answers' own numbers, as one sample. */
export function ownSample(plan: Plan, core: Core, weights: readonly number[] = core.weights): Samples {
  const { act, reqIndex } = plan;
  const w = new Float64Array(act.length);
  for (let a = 0; a < act.length; a++) w[a] = weights[act[a]!]!;
  const ratings: Float64Array[] = [];
  const bases: Float64Array[] = [];
  for (let g = 0; g < plan.options.length; g++) {
    const o = plan.options[g]!;
    const r = new Float64Array(act.length);
    for (let a = 0; a < act.length; a++) r[a] = o.ratings[act[a]!]!;
    const b = new Float64Array(reqIndex.length);
    for (let q = 0; q < reqIndex.length; q++) b[q] = o.base[reqIndex[q]!]!;
    ratings.push(r);
    bases.push(b);
  }
  const penalty = new Float64Array(1);
  penalty[0] = core.penaltyPerNewTool;
  const margin = new Float64Array(1);
  margin[0] = core.margin;
  return { S: 1, weights: w, ratings, bases, penalty, margin };
}

export interface Rows {
  /** Per sample, the row picked: a tool's index, or the number of tools plus a stack's index; -1 when nothing is open. */
  row: Int32Array;
  /** Per sample, the single tool that leads among those meeting the most must-haves (-1: none open). */
  leader: Int32Array;
  /** Per tool and sample ([t * S + s]), the index of its chosen option among its own. */
  option: Int32Array;
}

/** Adds each weighted rating of `rows` (a row per member, combined by kind) into `acc`, then scales to 0-100. */
function weighted(plan: Plan, x: Samples, rows: Float64Array[], acc: Float64Array, c: Float64Array): void {
  const S = x.S;
  const W = x.weights;
  acc.fill(0);
  for (let a = 0; a < plan.act.length; a++) {
    const o = a * S;
    // One row (a single tool) is its own rating: no combining.
    const r = rows.length === 1 ? rows[0]! : combineInto(c, rows, o, S, plan.kinds[a]!);
    const from = rows.length === 1 ? o : 0;
    for (let s = 0; s < S; s++) acc[s] = acc[s]! + W[o + s]! * r[from + s]!;
  }
  for (let s = 0; s < S; s++) acc[s] = (acc[s]! * 100) / 5;
}

/** How many must-haves `rows` (combined) miss per sample, into `gaps`; the points they cost into `missed`. */
function shortfalls(plan: Plan, x: Samples, rows: Float64Array[], gaps: Int32Array, missed: Float64Array, c: Float64Array): void {
  const S = x.S;
  gaps.fill(0);
  missed.fill(0);
  for (let q = 0; q < plan.reqMin.length; q++) {
    const o = q * S;
    const r = rows.length === 1 ? rows[0]! : combineInto(c, rows, o, S, plan.reqKinds[q]!);
    const from = rows.length === 1 ? o : 0;
    const min = plan.reqMin[q]!;
    for (let s = 0; s < S; s++) {
      const b = r[from + s]!;
      if (b < min) {
        gaps[s]!++;
        missed[s] = missed[s]! + (min - b) * plan.pointsPerMissing;
      }
    }
  }
}

/** A stack's rating per sample from its members' (capability: the best; cost: the hardest; continuity: summed, at most 5), into `c`. */
function combineInto(c: Float64Array, rows: Float64Array[], o: number, S: number, kind: number): Float64Array {
  const r0 = rows[0]!;
  for (let s = 0; s < S; s++) c[s] = r0[o + s]!;
  for (let m = 1; m < rows.length; m++) {
    const r = rows[m]!;
    if (kind === CAPABILITY) {
      for (let s = 0; s < S; s++) if (r[o + s]! > c[s]!) c[s] = r[o + s]!;
    } else if (kind === COST) {
      for (let s = 0; s < S; s++) if (r[o + s]! < c[s]!) c[s] = r[o + s]!;
    } else {
      for (let s = 0; s < S; s++) c[s] = c[s]! + r[o + s]!;
    }
  }
  if (kind === CONTINUITY) for (let s = 0; s < S; s++) if (c[s]! > 5) c[s] = 5;
  return c;
}

/** Which option is better for a tool: fewer unmet must-haves, then the higher score (ties: the earlier). */
export const better = (gaps: number, score: number, bestGaps: number, bestScore: number) => gaps < bestGaps || (gaps === bestGaps && score > bestScore + TIE);

/** The rule, for every sample of `x`. */
export function decideRows(plan: Plan, x: Samples): Rows {
  const S = x.S;
  const T = plan.open.length;
  const J = plan.stacks.length;
  const acc = new Float64Array(S);
  const missed = new Float64Array(S);
  const gaps = new Int32Array(S);
  const c = new Float64Array(S);
  const one: Float64Array[] = [new Float64Array(0)];
  const singleScore = new Float64Array(T * S);
  const singleGaps = new Int32Array(T * S).fill(NONE);
  const option = new Int32Array(T * S);
  const fewest = new Int32Array(S).fill(NONE);
  // Per tool, the ratings and bases of its chosen option in each sample.
  const chosenRatings: Float64Array[] = [];
  const chosenBases: Float64Array[] = [];
  for (let t = 0; t < T; t++) {
    chosenRatings.push(one[0]!);
    chosenBases.push(one[0]!);
    if (!plan.open[t]) continue;
    const o = t * S;
    const count = plan.first[t + 1]! - plan.first[t]!;
    for (let k = 0; k < count; k++) {
      const g = plan.first[t]! + k;
      one[0] = x.ratings[g]!;
      weighted(plan, x, one, acc, c);
      one[0] = x.bases[g]!;
      shortfalls(plan, x, one, gaps, missed, c);
      for (let s = 0; s < S; s++) {
        const score = Math.max(0, acc[s]! - missed[s]!);
        if (better(gaps[s]!, score, singleGaps[o + s]!, k === 0 ? -Infinity : singleScore[o + s]!)) {
          singleGaps[o + s] = gaps[s]!;
          singleScore[o + s] = score;
          option[o + s] = k;
        }
      }
    }
    for (let s = 0; s < S; s++) if (singleGaps[o + s]! < fewest[s]!) fewest[s] = singleGaps[o + s]!;
    chosenRatings[t] = count === 1 ? x.ratings[plan.first[t]!]! : gather(x.ratings, plan.first[t]!, option, o, S, plan.act.length);
    chosenBases[t] = count === 1 ? x.bases[plan.first[t]!]! : gather(x.bases, plan.first[t]!, option, o, S, plan.reqMin.length);
  }
  // Stacks, from their members' chosen options. A stack that is not open, or whose members'
  // targets do not work together in a sample, is no candidate there (gaps NONE).
  const stackScore = new Float64Array(J * S);
  const stackGaps = new Int32Array(J * S).fill(NONE);
  for (let j = 0; j < J; j++) {
    const stack = plan.stacks[j]!;
    if (!stack.open) continue;
    const members = stack.members;
    const ratings: Float64Array[] = [];
    const bases: Float64Array[] = [];
    for (let m = 0; m < members.length; m++) {
      ratings.push(chosenRatings[members[m]!]!);
      bases.push(chosenBases[members[m]!]!);
    }
    weighted(plan, x, ratings, acc, c);
    shortfalls(plan, x, bases, gaps, missed, c);
    const o = j * S;
    for (let s = 0; s < S; s++) {
      let fits = true;
      for (let m = 0; m < members.length; m++) {
        const ok = stack.ok[m];
        if (ok && !ok[option[members[m]! * S + s]!]) fits = false;
      }
      if (!fits) continue;
      stackGaps[o + s] = gaps[s]!;
      stackScore[o + s] = Math.max(0, acc[s]! - stack.seams * x.penalty[s]! - missed[s]!);
      if (gaps[s]! < fewest[s]!) fewest[s] = gaps[s]!;
    }
  }
  const row = new Int32Array(S);
  const leader = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    let single = -1;
    let lead = -1;
    for (let t = 0; t < T; t++) {
      if (!plan.open[t]) continue;
      const g = singleGaps[t * S + s]!;
      const score = singleScore[t * S + s]!;
      if (g === fewest[s] && (single < 0 || score > singleScore[single * S + s]! + TIE)) single = t;
      if (lead < 0 || better(g, score, singleGaps[lead * S + s]!, singleScore[lead * S + s]!)) lead = t;
    }
    // The best stack; between equal scores and sizes, the one whose members score higher alone.
    let best = -1;
    let bestStrength = 0;
    for (let j = 0; j < J; j++) {
      if (stackGaps[j * S + s] === NONE || stackGaps[j * S + s] !== fewest[s]) continue;
      const score = stackScore[j * S + s]!;
      const members = plan.stacks[j]!.members;
      let strength = 0;
      for (let m = 0; m < members.length; m++) strength += singleScore[members[m]! * S + s]!;
      if (best >= 0) {
        const d = score - stackScore[best * S + s]!;
        if (d < -TIE) continue;
        if (d <= TIE && (members.length !== plan.stacks[best]!.members.length || !(strength > bestStrength + TIE))) continue;
      }
      best = j;
      bestStrength = strength;
    }
    row[s] = best >= 0 && (single < 0 || stackScore[best * S + s]! >= singleScore[single * S + s]! + x.margin[s]!) ? T + best : single;
    leader[s] = lead;
  }
  return { row, leader, option };
}

/** Per sample, the row of the option each sample chose for one tool. */
function gather(rows: Float64Array[], first: number, option: Int32Array, o: number, S: number, width: number): Float64Array {
  const out = new Float64Array(width * S);
  for (let a = 0; a < width; a++) for (let s = 0; s < S; s++) out[a * S + s] = rows[first + option[o + s]!]![a * S + s]!;
  return out;
}
