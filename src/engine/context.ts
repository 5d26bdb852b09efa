// Turns answers into what the scorer needs: criterion weights from the rule table, effective
// ratings (managed offerings on the team's cloud lower the ops burden), exclusions.
import type { Catalog, ToolId } from '../catalog/schema.js';
import type { Answers, Context, ExclusionHit, ScoredCriterion } from './types.js';

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Raw (unnormalised) weight per criterion id, from the base weights and the answer rules. */
export function rawWeights(answers: Answers, catalog: Catalog): Map<string, number> {
  const weights = new Map(catalog.criteria.map((c) => [c.id, c.baseWeight]));
  const scales = new Map<string, number>();
  for (const rule of catalog.model.weightRules) {
    if (!asList(answers[rule.question]).includes(rule.value)) continue;
    for (const [c, d] of Object.entries(rule.add ?? {})) weights.set(c, (weights.get(c) ?? 0) + d);
    for (const [c, f] of Object.entries(rule.scale ?? {})) scales.set(c, (scales.get(c) ?? 1) * f);
  }
  for (const [c, w] of weights) weights.set(c, Math.max(0, w) * (scales.get(c) ?? 1));
  const existing = asList(answers.existingTools);
  if (existing.length > 0) weights.set(catalog.model.continuity.id, catalog.model.continuity.weight);
  return weights;
}

export function exclusionsFor(answers: Answers, catalog: Catalog): Map<ToolId, ExclusionHit> {
  const hits = new Map<ToolId, ExclusionHit>();
  for (const rule of catalog.model.exclusions) {
    const when = Object.entries(rule.when);
    if (!when.every(([q, vals]) => asList(answers[q]).some((v) => vals.includes(v)))) continue;
    const liftedBy: ExclusionHit['liftedBy'] = [];
    for (const [q, vals] of when) {
      const question = catalog.questions.find((x) => x.id === q);
      const lift = question?.choices.find((c) => !vals.includes(c.value));
      if (lift) liftedBy.push({ question: q, value: lift.value });
    }
    if (!hits.has(rule.tool)) {
      hits.set(rule.tool, {
        text: rule.text,
        sources: rule.sources,
        because: when.map(([q]) => ({ question: q, value: answers[q] ?? '' })),
        liftedBy,
      });
    }
  }
  return hits;
}

export function managedFor(answers: Answers, catalog: Catalog): Context['managed'] {
  const out: Context['managed'] = new Map();
  const cfg = catalog.model.managedOfferings;
  const cloud = String(answers.cloud ?? '');
  const bonus = cfg.bonusByBudget[String(answers.budget ?? '')] ?? 0;
  if (bonus <= 0) return out;
  for (const tool of catalog.tools) {
    const offers = tool.managedOfferings.filter((o) =>
      cloud === 'multi' ? o.clouds.length >= cfg.multiCloudNeeds : (o.clouds as string[]).includes(cloud),
    );
    if (offers.length > 0) {
      out.set(tool.id, { names: offers.map((o) => o.name), sources: [...new Set(offers.flatMap((o) => o.sources))], bonus });
    }
  }
  return out;
}

export function penaltyPerNewTool(answers: Answers, catalog: Catalog): number {
  const cfg = catalog.model.combinations;
  let p = cfg.penaltyPerNewTool;
  for (const [q, byValue] of Object.entries(cfg.penaltyAdd)) p += byValue[String(answers[q])] ?? 0;
  return Math.max(cfg.minPenalty, p);
}

export function buildContext(answers: Answers, catalog: Catalog): Context {
  const raw = rawWeights(answers, catalog);
  const continuity = catalog.model.continuity;
  const criteria: ScoredCriterion[] = catalog.criteria.map((c) => ({ id: c.id, name: c.name, kind: c.kind }));
  if (raw.has(continuity.id)) criteria.push({ id: continuity.id, name: continuity.name, kind: 'continuity' });
  const total = criteria.reduce((s, c) => s + (raw.get(c.id) ?? 0), 0) || 1;
  const weights = criteria.map((c) => (raw.get(c.id) ?? 0) / total);

  const existing = new Set(asList(answers.existingTools) as ToolId[]);
  const managed = managedFor(answers, catalog);
  const tools = catalog.tools.map((t) => t.id);
  const ratings = {} as Context['ratings'];
  const sources = {} as Context['sources'];
  const texts = {} as Context['texts'];
  for (const tool of tools) {
    const m = managed.get(tool);
    ratings[tool] = [];
    sources[tool] = [];
    texts[tool] = [];
    for (const c of criteria) {
      if (c.kind === 'continuity') {
        // A stack's continuity adds up over its tools: 5 when it keeps everything the team runs.
        ratings[tool].push(existing.has(tool) ? 5 / existing.size : 0);
        sources[tool].push(continuity.sources);
        texts[tool].push(existing.has(tool) ? 'Already run by the team' : 'Not yet run by the team');
        continue;
      }
      const r = catalog.ratings[tool]![c.id]!;
      if (m && c.id === catalog.model.managedOfferings.criterion && r.rating < 5) {
        ratings[tool].push(Math.min(5, r.rating + m.bonus));
        sources[tool].push([...r.sources, ...m.sources]);
        texts[tool].push(`${r.text}; managed on your cloud by ${m.names.join(', ')}`);
      } else {
        ratings[tool].push(r.rating);
        sources[tool].push(r.sources);
        texts[tool].push(r.text);
      }
    }
  }
  const cfg = catalog.model.combinations;
  const requirements = catalog.model.requirements.rules
    .filter((r) => asList(answers[r.question]).includes(r.value))
    .map((r) => ({ question: r.question, value: r.value, index: criteria.findIndex((c) => c.id === r.criterion), min: r.min, why: r.why, sources: r.sources }));
  return {
    criteria,
    weights,
    ratings,
    sources,
    texts,
    existing,
    excluded: exclusionsFor(answers, catalog),
    penaltyPerNewTool: penaltyPerNewTool(answers, catalog),
    margin: cfg.margin,
    maxTools: cfg.maxTools,
    tools,
    managed,
    requirements,
    pointsPerMissingRating: catalog.model.requirements.pointsPerMissingRating,
  };
}
