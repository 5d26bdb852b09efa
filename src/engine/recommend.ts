// The engine's entry: resolved answers and a catalog in, one result object out. Pure: no I/O,
// no colour, no prompts; the same answers always give the same result.
import type { Catalog, ToolId } from '../catalog/schema.js';
import type { Combination, Flip, NextStep, RankedTool, Reason, Result, TargetInfo, Unmet } from '../schema/result.js';
import { asList } from './answer-values.js';
import { smallestFlips } from './changes.js';
import { roadmap } from './roadmap.js';
import { buildContext, buildCore } from './context.js';
import { changeText, percent, round, stackName, toolName } from './describe.js';
import { compareStacks, contributions, decide, decideTools, type Decision } from './score.js';
import { PRUNE_ABOVE } from './prune.js';
import { sensitivity } from './sensitivity.js';
import type { Answers, Context, Gap, Option, StackScore } from './types.js';

/** How many stacks `combinations` lists, best first (every stack of the built-in four tools). */
export const MAX_COMBINATIONS = 10;

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
  // Each sample scores every target of every tool: a catalog of more than PRUNE_ABOVE tools takes
  // fewer samples in proportion (nine twentieths for twenty tools), never fewer than 100.
  const samples = options.samples ?? (ctx.tools.length > PRUNE_ABOVE ? Math.max(100, Math.round((cfg.samples * PRUNE_ABOVE) / ctx.tools.length)) : cfg.samples);
  const sens = samples > 0 ? sensitivity(ctx, recTools, { ...cfg, samples, seed: options.seed ?? cfg.seed }) : undefined;

  const ranking = rankTools(ctx, decision, catalog, sens?.firstChance);
  // The best stacks only: four tools make at most ten, a catalog of twenty makes 1,330.
  const combinations = decision.stacks.slice(0, MAX_COMBINATIONS).map((s) => describeStack(s, ctx, catalog));
  const redecide = (a: Answers) => recommendedTools(a, catalog);
  const changes = options.skipChanges ? [] : smallestFlips(answers, catalog, recTools, redecide);
  const flips: Flip[] = changes.map((o) => ({
    question: o.question,
    value: o.value,
    tools: o.tools,
    text: `If ${changeText(catalog, o.question, answers[o.question], o.value)}, ${stackName(catalog, o.tools)} would lead`,
  }));
  const confidence = sens?.confidence ?? 1;
  const chosen = recommendedStack(decision);
  const unmet = chosen ? unmetOf(chosen, ctx, catalog) : [];

  return {
    schemaVersion: 1,
    answers: { ...answers },
    defaulted: [...(options.defaulted ?? [])],
    weights: ctx.criteria.map((c, i) => ({ criterion: c.id, name: c.name, weight: round(ctx.weights[i]!, 4) })),
    ranking,
    combinations,
    recommendation: {
      tools: recTools,
      summary: summarise(decision, ctx, catalog, unmet),
      confidence: round(confidence, 3),
      confidenceText: sens
        ? `holds in ${percent(confidence)} of ${sens.samples} plausible variations of the weights, ratings, stack penalty and margin around your answers`
        : 'not sampled',
      flips,
      unmet,
    },
    roadmap: roadmap(recTools, answers, catalog, options.skipChanges ? undefined : redecide, ctx),
    nextSteps: chosen ? nextSteps(chosen, answers, catalog) : [],
    factsCheckedAsOf: catalog.model.checkedAsOf,
  };
}

/** The recommended tool or stack as scored. */
function recommendedStack(d: Decision): StackScore | undefined {
  const key = d.tools.join();
  return d.tools.length === 1 ? d.singles.find((s) => s.tools[0] === d.tools[0]) : d.stacks.find((s) => s.tools.join() === key);
}

function targetInfo(catalog: Catalog, o: Option): TargetInfo {
  const t = catalog.targets[o.target]!;
  return { id: t.id, label: t.label, managed: t.managed, ...(t.provider ? { provider: t.provider } : {}), url: t.url, checked: t.checked };
}

function unmetOf(s: StackScore, ctx: Context, catalog: Catalog): Unmet[] {
  return s.gaps.map((g) => {
    const c = ctx.criteria[g.requirement.index]!;
    const on = s.options.map((o) => catalog.targets[o.target]!.label).join(' + ');
    return {
      requirement: g.requirement.id,
      label: g.requirement.label,
      text:
        `Not met: ${g.requirement.why}; no tool or stack of the four reaches ${c.name.toLowerCase()} ${g.requirement.min}/5 ` +
        `on a way of running it that these answers allow (the closest, ${on}, gets ${round(g.rating, 1)}/5).`,
    };
  });
}

function breakdown(s: StackScore, ctx: Context, catalog: Catalog) {
  const parts = contributions(ctx.weights, s.ratings);
  const items = ctx.criteria.map((c, i) => ({
    criterion: c.id,
    name: c.name,
    weight: round(ctx.weights[i]!, 4),
    rating: round(s.ratings[i]!, 2),
    contribution: round(parts[i]!, 2),
    sources: s.options.length === 1 ? ctx.source(s.options[0]!, i) : [],
  }));
  // Unmet must-haves are negative lines, so the lines still add up to the score. When the score
  // stops at 0, the shortfall lines shrink in proportion.
  const gapTotal = s.gaps.reduce((t, g) => t + g.points, 0);
  const room = s.capabilityScore - s.penalty;
  const shrink = gapTotal > room ? Math.max(0, room) / gapTotal : 1;
  for (const g of s.gaps) {
    const c = ctx.criteria[g.requirement.index]!;
    items.push({
      criterion: `unmet:${c.id}`,
      name: `Unmet must-have: ${c.name} at least ${g.requirement.min}/5 (${describeAnswer(catalog, g.requirement)})`,
      weight: 0,
      rating: round(g.rating, 2),
      contribution: -round(g.points * shrink, 2),
      sources: g.requirement.sources,
    });
  }
  void catalog;
  return items;
}

const describeAnswer = (catalog: Catalog, r: { question: string; value: string }) =>
  changeText(catalog, r.question, undefined, catalog.questions.find((q) => q.id === r.question)?.type === 'multi' ? [r.value] : r.value);

function rankTools(ctx: Context, d: Decision, catalog: Catalog, firstChance?: Record<ToolId, number>): RankedTool[] {
  // Tools no target fits go last, whatever they score.
  const order = [...d.singles].sort((a, b) => {
    const ea = ctx.excluded.has(a.tools[0]!) ? 1 : 0;
    const eb = ctx.excluded.has(b.tools[0]!) ? 1 : 0;
    return ea - eb || compareStacks(a, b, ctx.tools);
  });
  return order.map((s, i) => {
    const tool = s.tools[0]!;
    const hit = ctx.excluded.get(tool);
    const reasons = hit ? [] : toolReasons(s, d.singles, ctx, catalog);
    if (hit) reasons.push({ text: `Excluded: ${hit.text}`, sources: hit.sources });
    const offerings = hit ? [] : ctx.options[tool]!.filter((o) => catalog.targets[o.target]!.managed).map((o) => targetInfo(catalog, o));
    return {
      tool,
      name: toolName(catalog, tool),
      rank: i + 1,
      score: round(s.score),
      excluded: Boolean(hit),
      ...(hit ? { exclusion: hit } : { target: targetInfo(catalog, s.options[0]!), offerings }),
      firstChance: round(firstChance?.[tool] ?? (d.leader === tool ? 1 : 0), 3),
      ...(hit ? {} : { misses: s.gaps.map((g) => ({ requirement: g.requirement.id, label: g.requirement.label })) }),
      reasons,
      breakdown: hit ? [] : breakdown(s, ctx, catalog),
    };
  });
}

/**
 * The indices i < count that pass `take`, the k with the largest key, equal keys in index order.
 */
function topK(k: number, count: number, take: (i: number) => boolean, key: (i: number) => number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < count; i++) if (take(i)) idx.push(i);
  return idx.sort((a, b) => key(b) - key(a) || a - b).slice(0, k);
}

function toolReasons(s: StackScore, singles: StackScore[], ctx: Context, catalog: Catalog): Reason[] {
  const o = s.options[0]!;
  const t = catalog.targets[o.target]!;
  const count = ctx.criteria.length;
  const r = o.ratings;
  const w = ctx.weights;
  // The weight times how far the tool is above the mean of the four (each on its own target).
  const rows = singles.map((x) => x.ratings);
  const edge = r.map((v, i) => w[i]! * (v - rows.reduce((sum, row) => sum + row[i]!, 0) / rows.length));
  const line = (i: number, lead: string): Reason => ({
    text: `${lead}${ctx.criteria[i]!.name}: ${round(r[i]!, 1)}/5 as ${t.label}, ${percent(w[i]!)} of the weight. ${ctx.text(o, i)}`,
    sources: ctx.source(o, i),
  });
  const out: Reason[] = [{ text: `Runs as ${t.label}: ${t.text}`, sources: t.sources }];
  const strengths = topK(3, count, (i) => edge[i]! > 0 && r[i]! >= 3, (i) => edge[i]!);
  // A must-have it misses is said once, as a shortfall, not also as a weakness.
  const missed = new Set(s.gaps.map((g) => g.requirement.index));
  const concerns = topK(2, count, (i) => edge[i]! < 0 && r[i]! <= 2 && w[i]! >= 0.03 && !missed.has(i), (i) => -edge[i]!);
  out.push(...strengths.map((i) => line(i, 'Strong on ')), ...concerns.map((i) => line(i, 'Weak on ')));
  for (const g of s.gaps) out.push(gapReason(g, o, ctx));
  // Managed services that would run it on the team's cloud, other than the one chosen.
  const others = ctx.options[o.tool]!.map((x) => catalog.targets[x.target]!).filter((x) => x.managed && x.id !== t.id);
  if (others.length) {
    out.push({
      text: `Also offered as a managed service on your cloud: ${others.map((x) => `${x.label} (${x.url})`).join('; ')}`,
      sources: others.map((x) => x.url),
    });
  }
  return out;
}

function gapReason(g: Gap, o: Option, ctx: Context): Reason {
  const c = ctx.criteria[g.requirement.index]!;
  return {
    text: `Misses a must-have: ${g.requirement.why}, which takes ${c.name.toLowerCase()} of at least ${g.requirement.min}/5; rated ${g.rating}/5 here (-${round(g.points)} points)`,
    sources: [...new Set([...g.requirement.sources, ...ctx.source(o, g.requirement.index)])],
  };
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
    for (let m = 1; m < s.options.length; m++) {
      const v = s.options[m]!.ratings[i]!;
      const top = s.options[best]!.ratings[i]!;
      if (v > top) {
        best = m;
        unique = true;
      } else if (!(v < top)) unique = false;
    }
    if (unique) owner[i] = best;
  }
  s.options.forEach((o, m) => {
    const r = o.ratings;
    // What this member brings that no other member has as much of.
    const brings = topK(2, count, (i) => owner[i] === m, (i) => ctx.weights[i]! * r[i]!);
    if (brings.length === 0) return;
    reasons.push({
      text: `${catalog.targets[o.target]!.label} brings ${brings.map((i) => `${ctx.criteria[i]!.name.toLowerCase()} (${r[i]}/5)`).join(' and ')}`,
      sources: [...new Set(brings.flatMap((i) => ctx.source(o, i)))],
    });
  });
  for (const g of s.gaps) {
    const c = ctx.criteria[g.requirement.index]!;
    reasons.push({
      text: `Still misses a must-have: ${g.requirement.why} (${c.name.toLowerCase()} ${g.rating}/5 of ${g.requirement.min}; -${round(g.points)} points)`,
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
    targets: s.options.map((o) => targetInfo(catalog, o)),
    covers,
    reasons,
  };
}

/** Where the tool gains most on its runner-up, weighted by what this team cares about. */
function edges(a: StackScore, b: StackScore | undefined, ctx: Context, k: number): string[] {
  return ctx.criteria
    .map((c, i) => ({ name: c.name.toLowerCase(), v: ctx.weights[i]! * (a.ratings[i]! - (b ? b.ratings[i]! : 0)) }))
    .filter((x) => x.v > 0)
    .sort((x, y) => y.v - x.v)
    .slice(0, k)
    .map((x) => x.name);
}

function summarise(d: Decision, ctx: Context, catalog: Catalog, unmet: Unmet[]): string {
  const open = d.singles.filter((s) => !ctx.excluded.has(s.tools[0]!)).sort((a, b) => compareStacks(a, b, ctx.tools));
  const lead = unmet.length
    ? `No tool or combination of the four meets every must-have with these answers (missing: ${unmet.map((u) => u.label.toLowerCase()).join(', ')}); the closest: `
    : '';
  if (d.tools.length > 1) {
    const stack = d.stacks.find((s) => s.tools.join() === d.tools.join())!;
    const best = open[0];
    return (
      `${lead}${stackName(catalog, stack.tools)} together score ${round(stack.score)}/100 after the cost of running ${stack.tools.length} tools` +
      (best ? `, ahead of the best single tool, ${toolName(catalog, best.tools[0]!)} (${round(best.score)}).` : '.')
    );
  }
  const best = d.singles.find((s) => s.tools[0] === d.tools[0])!;
  const next = open.find((s) => s !== best);
  return (
    `${lead}${toolName(catalog, best.tools[0]!)} fits best with ${round(best.score)}/100` +
    (next ? `, ahead of ${toolName(catalog, next.tools[0]!)} (${round(next.score)})` : '') +
    (next && best.gaps.length === next.gaps.length ? `; its lead comes mostly from ${edges(best, next, ctx, 2).join(' and ')}.` : '.')
  );
}

/**
 * First steps for the recommended tools on their chosen targets: set up what the team does not run
 * yet, connect to what it does, and wire each pair of the stack together.
 */
function nextSteps(s: StackScore, answers: Answers, catalog: Catalog): NextStep[] {
  const running = new Set(asList(answers.existingTools));
  const out: NextStep[] = [];
  for (const o of s.options) {
    const tool = catalog.tools.find((t) => t.id === o.tool)!;
    const target = catalog.targets[o.target]!;
    if (running.has(o.tool)) {
      if (s.options.length > 1) out.push({ tool: o.tool, kind: 'connect', ...tool.connect });
      else out.push({ tool: o.tool, kind: 'connect', text: `Keep ${tool.name} as you run it today: nothing to install.`, sources: catalog.model.continuity.sources });
      continue;
    }
    for (const step of target.nextSteps) out.push({ tool: o.tool, kind: 'install', target: target.id, ...step });
  }
  for (const g of catalog.model.glue) {
    if (!g.tools.every((t) => s.tools.includes(t))) continue;
    const { tools, ...step } = g;
    out.push({ tool: tools[0]!, kind: 'glue', ...step });
  }
  return out;
}
