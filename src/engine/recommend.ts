// The engine's entry: resolved answers and a catalog in, one result object out. Pure: no I/O,
// no colour, no prompts; the same answers always give the same result.
import type { Catalog, ToolId } from '../catalog/schema.js';
import type { Combination, Flip, NextStep, RankedTool, Reason, Result } from '../schema/result.js';
import { smallestFlips } from './changes.js';
import { roadmap } from './roadmap.js';
import { buildContext, buildCore } from './context.js';
import { changeText, percent, round, stackName, toolName } from './describe.js';
import { compareStacks, contributions, decide, decideTools, type Decision } from './score.js';
import { sensitivity } from './sensitivity.js';
import type { Answers, Context, Gap, StackScore } from './types.js';

export interface RecommendOptions {
  /** Ids of the answers that took their default (reported as `defaulted`). */
  defaulted?: string[];
  /** Sensitivity samples; 0 skips the sampling (confidence then reads 1). */
  samples?: number;
  seed?: number;
  /** Skip the re-runs behind flips and the roadmap's later stages. */
  skipChanges?: boolean;
}

/** Just the recommended tools for a set of answers: what flips and the roadmap re-run. */
export function recommendedTools(answers: Answers, catalog: Catalog): ToolId[] {
  return decideTools(buildCore(answers, catalog));
}

export function recommend(answers: Answers, catalog: Catalog, options: RecommendOptions = {}): Result {
  const ctx = buildContext(answers, catalog);
  const decision = decide(ctx);
  const recTools = decision.tools;
  const cfg = catalog.model.sensitivity;
  const samples = options.samples ?? cfg.samples;
  const sens = samples > 0 ? sensitivity(ctx, recTools, { samples, seed: options.seed ?? cfg.seed, spread: cfg.spread }) : undefined;

  const ranking = rankTools(ctx, decision, catalog, sens?.firstChance);
  const combinations = decision.stacks.map((s) => describeStack(s, ctx, catalog));
  const redecide = (a: Answers) => recommendedTools(a, catalog);
  const changes = options.skipChanges ? [] : smallestFlips(answers, catalog, recTools, redecide);
  const flips: Flip[] = changes.map((o) => ({
    question: o.question,
    value: o.value,
    tools: o.tools,
    text: `If ${changeText(catalog, o.question, answers[o.question], o.value)}, ${stackName(catalog, o.tools)} would lead`,
  }));
  const confidence = sens?.confidence ?? 1;

  return {
    schemaVersion: 1,
    answers: { ...answers },
    defaulted: [...(options.defaulted ?? [])],
    weights: ctx.criteria.map((c, i) => ({ criterion: c.id, name: c.name, weight: round(ctx.weights[i]!, 4) })),
    ranking,
    combinations,
    recommendation: {
      tools: recTools,
      summary: summarise(decision, ctx, catalog),
      confidence: round(confidence, 3),
      confidenceText: sens
        ? `holds in ${percent(confidence)} of ${sens.samples} plausible weightings around your answers`
        : 'not sampled',
      flips,
    },
    roadmap: roadmap(recTools, answers, catalog, options.skipChanges ? undefined : redecide),
    nextSteps: nextSteps(recTools, catalog),
  };
}

function breakdown(s: StackScore, ctx: Context, catalog: Catalog) {
  const parts = contributions(ctx.weights, s.ratings);
  const items = ctx.criteria.map((c, i) => ({
    criterion: c.id,
    name: c.name,
    weight: round(ctx.weights[i]!, 4),
    rating: round(s.ratings[i]!, 2),
    contribution: round(parts[i]!, 2),
    sources: s.tools.length === 1 ? ctx.source(s.tools[0]!, i) : [],
  }));
  // Unmet needs are negative lines, so the lines still add up to the score. When the score
  // stops at 0, the shortfall lines shrink in proportion.
  const gapTotal = s.gaps.reduce((t, g) => t + g.points, 0);
  const room = s.capabilityScore - s.penalty;
  const shrink = gapTotal > room ? Math.max(0, room) / gapTotal : 1;
  for (const g of s.gaps) {
    const c = ctx.criteria[g.requirement.index]!;
    items.push({
      criterion: `unmet:${c.id}`,
      name: `Unmet need: ${c.name} at least ${g.requirement.min}/5 (${describeAnswer(catalog, g.requirement)})`,
      weight: 0,
      rating: round(g.rating, 2),
      contribution: -round(g.points * shrink, 2),
      sources: g.requirement.sources,
    });
  }
  return items;
}

const describeAnswer = (catalog: Catalog, r: { question: string; value: string }) =>
  changeText(catalog, r.question, undefined, catalog.questions.find((q) => q.id === r.question)?.type === 'multi' ? [r.value] : r.value);

function rankTools(ctx: Context, d: Decision, catalog: Catalog, firstChance?: Record<ToolId, number>): RankedTool[] {
  // Tools a hard constraint rules out go last, whatever they score.
  const order = [...d.singles].sort((a, b) => {
    const ea = ctx.excluded.has(a.tools[0]!) ? 1 : 0;
    const eb = ctx.excluded.has(b.tools[0]!) ? 1 : 0;
    return ea - eb || compareStacks(a, b, ctx.tools);
  });
  const best = order.find((s) => !ctx.excluded.has(s.tools[0]!));
  return order.map((s, i) => {
    const tool = s.tools[0]!;
    const hit = ctx.excluded.get(tool);
    const reasons = toolReasons(tool, s.gaps, ctx, catalog);
    if (hit) reasons.unshift({ text: `Excluded: ${hit.text}`, sources: hit.sources });
    return {
      tool,
      name: toolName(catalog, tool),
      rank: i + 1,
      score: round(s.score),
      excluded: Boolean(hit),
      ...(hit ? { exclusion: hit } : {}),
      firstChance: round(firstChance?.[tool] ?? (best?.tools[0] === tool ? 1 : 0), 3),
      reasons,
      breakdown: breakdown(s, ctx, catalog),
    };
  });
}

/**
 * The indices i < count that pass `take`, the k with the largest key, equal keys in index order:
 * what filter, a stable sort by key (largest first) and slice(0, k) give, without building and
 * sorting an object per criterion (this runs cold, in V8's interpreter, for every tool and stack).
 */
function topK(k: number, count: number, take: (i: number) => boolean, key: (i: number) => number): number[] {
  const best: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!take(i)) continue;
    const v = key(i);
    let at = best.length;
    while (at > 0 && keys[at - 1]! < v) at--;
    if (at >= k) continue;
    best.splice(at, 0, i);
    keys.splice(at, 0, v);
    if (best.length > k) {
      best.pop();
      keys.pop();
    }
  }
  return best;
}

function toolReasons(tool: ToolId, gaps: Gap[], ctx: Context, catalog: Catalog): Reason[] {
  const n = ctx.tools.length;
  const count = ctx.criteria.length;
  const r = ctx.ratings[tool];
  const w = ctx.weights;
  // The weight times how far the tool is above the mean of the four.
  const edge = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let t = 0; t < n; t++) sum += ctx.ratings[ctx.tools[t]!][i]!;
    edge[i] = w[i]! * (r[i]! - sum / n);
  }
  const line = (i: number, lead: string): Reason => ({
    text: `${lead}${ctx.criteria[i]!.name}: ${round(r[i]!, 1)}/5, ${percent(w[i]!)} of the weight. ${ctx.text(tool, i)}`,
    sources: ctx.source(tool, i),
  });
  const strengths = topK(3, count, (i) => edge[i]! > 0 && r[i]! >= 3, (i) => edge[i]!);
  // A declared need it misses is said once, as a shortfall, not also as a weakness.
  const missed = new Set(gaps.map((g) => g.requirement.index));
  const concerns = topK(2, count, (i) => edge[i]! < 0 && r[i]! <= 2 && w[i]! >= 0.03 && !missed.has(i), (i) => -edge[i]!);
  const out = [...strengths.map((i) => line(i, 'Strong on ')), ...concerns.map((i) => line(i, 'Weak on '))];
  for (const g of gaps) {
    const c = ctx.criteria[g.requirement.index]!;
    out.push({
      text: `Falls short: ${g.requirement.why}, which takes ${c.name.toLowerCase()} of at least ${g.requirement.min}/5; rated ${g.rating}/5 (-${round(g.points)} points)`,
      sources: [...new Set([...g.requirement.sources, ...ctx.source(tool, g.requirement.index)])],
    });
  }
  const managed = ctx.managed.get(tool);
  if (managed) {
    out.push({
      text: `Managed offerings on your cloud (${managed.names.join(', ')}) take operations off the team within your budget`,
      sources: managed.sources,
    });
  }
  if (out.length === 0) out.push(line(topK(1, count, () => true, (i) => w[i]! * r[i]!)[0]!, ''));
  return out;
}

function describeStack(s: StackScore, ctx: Context, catalog: Catalog): Combination {
  const reasons: Reason[] = [];
  const count = ctx.criteria.length;
  // Per weighted capability, the member that has more of it than every other member (-1: none).
  const owner = new Array<number>(count).fill(-1);
  for (let i = 0; i < count; i++) {
    if (ctx.criteria[i]!.kind !== 'capability' || !(ctx.weights[i]! > 0)) continue;
    let best = 0;
    let unique = true;
    for (let m = 1; m < s.tools.length; m++) {
      const v = ctx.ratings[s.tools[m]!][i]!;
      const top = ctx.ratings[s.tools[best]!][i]!;
      if (v > top) {
        best = m;
        unique = true;
      } else if (!(v < top)) unique = false;
    }
    if (unique) owner[i] = best;
  }
  for (let m = 0; m < s.tools.length; m++) {
    const tool = s.tools[m]!;
    const r = ctx.ratings[tool];
    // What this member brings that no other member has as much of.
    const brings = topK(2, count, (i) => owner[i] === m, (i) => ctx.weights[i]! * r[i]!);
    if (brings.length === 0) continue;
    reasons.push({
      text: `${toolName(catalog, tool)} brings ${brings.map((i) => `${ctx.criteria[i]!.name.toLowerCase()} (${r[i]}/5)`).join(' and ')}`,
      sources: [...new Set(brings.flatMap((i) => ctx.source(tool, i)))],
    });
  }
  for (const g of s.gaps) {
    const c = ctx.criteria[g.requirement.index]!;
    reasons.push({
      text: `Still short on ${c.name.toLowerCase()}: ${g.requirement.why} (${g.rating}/5 of ${g.requirement.min}; -${round(g.points)} points)`,
      sources: g.requirement.sources,
    });
  }
  reasons.push({
    text: `Running ${s.tools.length} tools together costs ${round(s.penalty)} points for a team like this (integration and upkeep of each new tool)`,
    sources: catalog.model.combinations.sources,
  });
  const covers: string[] = [];
  for (let i = 0; i < count; i++) if (ctx.criteria[i]!.kind !== 'cost' && ctx.weights[i]! >= 0.03 && s.ratings[i]! >= 3) covers.push(ctx.criteria[i]!.id);
  return {
    tools: s.tools,
    score: round(s.score),
    capabilityScore: round(s.capabilityScore),
    penalty: round(s.penalty),
    unmetPenalty: round(s.gaps.reduce((t, g) => t + g.points, 0)),
    covers,
    reasons,
  };
}

/** Where the tool gains most on its runner-up, weighted by what this team cares about. */
function edges(tool: ToolId, rival: ToolId | undefined, ctx: Context, k: number): string[] {
  return ctx.criteria
    .map((c, i) => ({ name: c.name.toLowerCase(), v: ctx.weights[i]! * (ctx.ratings[tool][i]! - (rival ? ctx.ratings[rival][i]! : 0)) }))
    .filter((x) => x.v > 0)
    .sort((a, b) => b.v - a.v)
    .slice(0, k)
    .map((x) => x.name);
}

function summarise(d: Decision, ctx: Context, catalog: Catalog): string {
  const open = d.singles.filter((s) => !ctx.excluded.has(s.tools[0]!)).sort((a, b) => compareStacks(a, b, ctx.tools));
  const best = open[0]!;
  if (d.tools.length > 1) {
    const stack = d.stacks.find((s) => s.tools.join() === d.tools.join())!;
    return (
      `${stackName(catalog, stack.tools)} together score ${round(stack.score)}/100 after the cost of running ${stack.tools.length} tools, ` +
      `ahead of the best single tool, ${toolName(catalog, best.tools[0]!)} (${round(best.score)}).`
    );
  }
  const tool = best.tools[0]!;
  const next = open[1];
  return (
    `${toolName(catalog, tool)} fits best with ${round(best.score)}/100` +
    (next ? `, ahead of ${toolName(catalog, next.tools[0]!)} (${round(next.score)})` : '') +
    (next ? `; its lead comes mostly from ${edges(tool, next.tools[0], ctx, 2).join(' and ')}.` : '.')
  );
}

function nextSteps(rec: ToolId[], catalog: Catalog): NextStep[] {
  return rec.flatMap((id) =>
    (catalog.tools.find((t) => t.id === id)?.nextSteps ?? []).map((s) => ({ tool: id, ...s })),
  );
}
