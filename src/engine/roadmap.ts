// The staged plan: what to adopt now, what to add later and on which trigger (F-4, G-6).
import type { ToolId } from '../catalog/ids.js';
import type { Catalog } from '../catalog/schema.js';
import type { RoadmapStage } from '../schema/result.js';
import { asList } from './answer-values.js';
import { buildContext } from './context.js';
import { stackName } from './describe.js';
import { bestOption, scoreOptions } from './score.js';
import type { Answers, Context } from './types.js';

/** The must-haves a stack misses under a context, each tool on its best target. */
function missed(tools: readonly ToolId[], ctx: Context): Set<string> {
  if (tools.length === 0) return new Set();
  return new Set(scoreOptions(tools.map((t) => bestOption(t, ctx).options[0]!), ctx).gaps.map((g) => g.requirement.id));
}

/**
 * Start with what fits now, grow later (F-4, G-6): each growth trigger is tried on top of today's
 * answers, counting today's tools as already run, and re-decided by the engine. A trigger only
 * ever raises an answer; a stage that is already true today, adds nothing, or would drop a
 * must-have that today's advice meets is left out. Each stage cites what the added tools' own
 * ratings say on the criteria the trigger weighs up most.
 */
export function roadmap(
  rec: ToolId[],
  answers: Answers,
  catalog: Catalog,
  /** Re-decides changed answers; without it the roadmap is today's stage alone. */
  decideTools?: (a: Answers) => ToolId[],
  /** Today's context, when the caller has it already. */
  today: Context = buildContext(answers, catalog),
): RoadmapStage[] {
  const stages: RoadmapStage[] = [
    {
      stage: 'now',
      tools: rec,
      adds: rec,
      replaces: [],
      text: nowText(catalog, rec, asList(answers.existingTools) as ToolId[]),
      sources: catalog.model.roadmap.sources,
    },
  ];
  if (!decideTools) return stages;
  const running = [...new Set([...asList(answers.existingTools), ...rec])];
  const base: Answers = { ...answers, existingTools: catalog.questions.find((q) => q.id === 'existingTools')!.choices.map((c) => c.value).filter((v) => running.includes(v)) };
  const baseCtx = buildContext(base, catalog);
  // What today's advice misses, on the targets it chose (not as tools already run).
  const missedToday = missed(rec, today);
  const byOutcome = new Map<string, RoadmapStage>();
  for (const trigger of catalog.model.roadmap.triggers) {
    const next: Answers = { ...base };
    const when: { question: string; value: string | string[] }[] = [];
    for (const [q, v] of Object.entries(trigger.set ?? {})) {
      const question = catalog.questions.find((x) => x.id === q)!;
      const order = question.choices.map((c) => c.value);
      // An ordered answer only grows: a team further along already is past this trigger.
      if (next[q] === v || (question.ordinal && order.indexOf(String(next[q])) > order.indexOf(v))) continue;
      when.push({ question: q, value: v });
      next[q] = v;
    }
    for (const [q, vs] of Object.entries(trigger.add ?? {})) {
      const have = asList(next[q]);
      const order = catalog.questions.find((x) => x.id === q)!.choices.map((c) => c.value);
      const merged = order.filter((v) => have.includes(v) || vs.includes(v));
      if (merged.length !== have.length) when.push({ question: q, value: merged });
      next[q] = merged;
    }
    if (when.length === 0) continue; // already true today
    const tools = decideTools(next);
    const adds = tools.filter((t) => !rec.includes(t));
    if (adds.length === 0) continue;
    const ctx = buildContext(next, catalog);
    const missedLater = missed(tools, ctx);
    if ([...missedLater].some((id) => !missedToday.has(id) && baseCtx.requirements.some((r) => r.id === id))) continue;
    const sources = stageSources(adds, baseCtx, ctx);
    const key = tools.join('+');
    const seen = byOutcome.get(key);
    if (seen) {
      seen.trigger = `${seen.trigger}, or ${trigger.text}`;
      seen.text = stageText(catalog, seen.adds, seen.replaces, seen.trigger);
      seen.sources = [...new Set([...seen.sources, ...sources])];
      continue;
    }
    const replaces = rec.filter((t) => !tools.includes(t));
    byOutcome.set(key, { stage: 'later', tools, adds, replaces, trigger: trigger.text, when, text: stageText(catalog, adds, replaces, trigger.text), sources });
  }
  return [...stages, ...byOutcome.values()];
}

/** The sources of the added tools' ratings on the two criteria whose weight the trigger raises most. */
function stageSources(adds: ToolId[], before: Context, after: Context): string[] {
  const raised = after.criteria
    .map((c, i) => ({ i, up: after.weights[i]! - (before.criteria[i]?.id === c.id ? before.weights[i]! : 0) }))
    .filter((x) => x.up > 0 && after.criteria[x.i]!.kind !== 'continuity')
    .sort((a, b) => b.up - a.up);
  const out: string[] = [];
  for (const tool of adds) {
    const o = bestOption(tool, after).options[0]!;
    const strong = raised.filter((x) => o.ratings[x.i]! >= 3).slice(0, 2);
    for (const x of strong.length ? strong : raised.slice(0, 1)) out.push(...after.source(o, x.i));
  }
  return [...new Set(out)];
}

function nowText(catalog: Catalog, rec: ToolId[], running: ToolId[]): string {
  const keep = rec.filter((t) => running.includes(t));
  const add = rec.filter((t) => !running.includes(t));
  if (add.length === 0) return `Keep ${stackName(catalog, keep)}: it fits the team as it is today.`;
  const lead = keep.length ? `Keep ${stackName(catalog, keep)} and adopt ${stackName(catalog, add)} now` : `Adopt ${stackName(catalog, add)} now`;
  return `${lead}: it fits the team as it is today.`;
}

function stageText(catalog: Catalog, adds: ToolId[], replaces: ToolId[], trigger: string): string {
  return `Add ${stackName(catalog, adds)} when ${trigger}${replaces.length ? `, in place of ${stackName(catalog, replaces)}` : ''}.`;
}
