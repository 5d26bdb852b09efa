// The staged plan: what to adopt now, what to add later and on which trigger (F-4, G-6).
import type { ToolId } from '../catalog/ids.js';
import type { Catalog } from '../catalog/schema.js';
import type { RoadmapStage } from '../schema/result.js';
import { asList } from './answer-values.js';
import { stackName } from './describe.js';
import type { Answers } from './types.js';

/**
 * Start with what fits now, grow later (F-4, G-6): each growth trigger is tried on top of today's
 * answers, counting today's tools as already run, and re-decided by the engine.
 */
export function roadmap(
  rec: ToolId[],
  answers: Answers,
  catalog: Catalog,
  /** Re-decides changed answers; without it the roadmap is today's stage alone. */
  decideTools?: (a: Answers) => ToolId[],
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
  const byOutcome = new Map<string, RoadmapStage>();
  for (const trigger of catalog.model.roadmap.triggers) {
    const next: Answers = { ...base };
    const when: { question: string; value: string | string[] }[] = [];
    for (const [q, v] of Object.entries(trigger.set ?? {})) {
      if (next[q] !== v) when.push({ question: q, value: v });
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
    const key = tools.join('+');
    const seen = byOutcome.get(key);
    if (seen) {
      seen.trigger = `${seen.trigger}, or ${trigger.text}`;
      seen.text = stageText(catalog, seen.adds, seen.replaces, seen.trigger);
      seen.sources = [...new Set([...seen.sources, ...trigger.sources])];
      continue;
    }
    const replaces = rec.filter((t) => !tools.includes(t));
    byOutcome.set(key, {
      stage: 'later',
      tools,
      adds,
      replaces,
      trigger: trigger.text,
      when,
      text: stageText(catalog, adds, replaces, trigger.text),
      sources: [...trigger.sources],
    });
  }
  return [...stages, ...byOutcome.values()];
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
