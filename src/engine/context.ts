// Turns answers into what the scorer needs: criterion weights from the rule table, effective
// ratings (managed offerings on the team's cloud lower the ops burden), exclusions and declared
// needs. The catalog's static part is compiled once, because flips and the roadmap re-run this
// for dozens of changed answers.
import type { Catalog } from '../catalog/schema.js';
import type { ToolId } from '../catalog/ids.js';
import type { Answers, Context, ExclusionHit, ScoredCriterion } from './types.js';

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const has = (answer: string | string[] | undefined, value: string) =>
  Array.isArray(answer) ? answer.includes(value) : answer === value;

interface Compiled {
  criteria: ScoredCriterion[];
  continuity: ScoredCriterion;
  index: Map<string, number>;
  base: number[];
  rules: { question: string; value: string; add: [number, number][]; scale: [number, number][] }[];
  ratings: Record<ToolId, number[]>;
  managedIndex: number;
  adopted: number[];
  tools: ToolId[];
}

const compiledCache = new WeakMap<Catalog, Compiled>();

function compile(catalog: Catalog): Compiled {
  let c = compiledCache.get(catalog);
  if (c) return c;
  const criteria = catalog.criteria.map((x) => ({ id: x.id, name: x.name, kind: x.kind }) as ScoredCriterion);
  const index = new Map(criteria.map((x, i) => [x.id, i]));
  const pairs = (m: Record<string, number> | undefined) => Object.entries(m ?? {}).map(([id, v]) => [index.get(id)!, v] as [number, number]);
  const tools = catalog.tools.map((t) => t.id);
  const ratings = {} as Record<ToolId, number[]>;
  for (const t of tools) ratings[t] = criteria.map((x) => catalog.ratings[t]![x.id]!.rating);
  const cont = catalog.model.continuity;
  c = {
    criteria,
    continuity: { id: cont.id, name: cont.name, kind: 'continuity' },
    index,
    base: catalog.criteria.map((x) => x.baseWeight),
    rules: catalog.model.weightRules.map((r) => ({ question: r.question, value: r.value, add: pairs(r.add), scale: pairs(r.scale) })),
    ratings,
    managedIndex: index.get(catalog.model.managedOfferings.criterion) ?? -1,
    adopted: cont.adopted.map((id) => index.get(id)!),
    tools,
  };
  compiledCache.set(catalog, c);
  return c;
}

/** Raw (unnormalised) weight per criterion id, from the base weights and the answer rules. */
export function rawWeights(answers: Answers, catalog: Catalog): Map<string, number> {
  const c = compile(catalog);
  const w = rawWeightVector(answers, catalog, c);
  const out = new Map(c.criteria.map((x, i) => [x.id, w[i]!]));
  if (w.length > c.criteria.length) out.set(c.continuity.id, w[w.length - 1]!);
  return out;
}

function rawWeightVector(answers: Answers, catalog: Catalog, c: Compiled): number[] {
  const w = [...c.base];
  const scale = new Array<number>(w.length).fill(1);
  for (const r of c.rules) {
    if (!has(answers[r.question], r.value)) continue;
    for (const [i, d] of r.add) w[i] = w[i]! + d;
    for (const [i, f] of r.scale) scale[i] = scale[i]! * f;
  }
  for (let i = 0; i < w.length; i++) w[i] = Math.max(0, w[i]!) * scale[i]!;
  if (asList(answers.existingTools).length > 0) w.push(catalog.model.continuity.weight);
  return w;
}

export function exclusionsFor(answers: Answers, catalog: Catalog): Map<ToolId, ExclusionHit> {
  const hits = new Map<ToolId, ExclusionHit>();
  for (const rule of catalog.model.exclusions) {
    const when = Object.entries(rule.when);
    const holds = (cond: Record<string, string[]>) => Object.entries(cond).every(([q, vals]) => vals.some((v) => has(answers[q], v)));
    if (hits.has(rule.tool) || !holds(rule.when) || (rule.unless && holds(rule.unless))) continue;
    const liftedBy: ExclusionHit['liftedBy'] = [];
    for (const [q, vals] of when) {
      const lift = catalog.questions.find((x) => x.id === q)?.choices.find((c) => !vals.includes(c.value));
      if (lift) liftedBy.push({ question: q, value: lift.value });
    }
    hits.set(rule.tool, {
      text: rule.text,
      sources: rule.sources,
      because: when.map(([q]) => ({ question: q, value: answers[q] ?? '' })),
      liftedBy,
    });
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
  const c = compile(catalog);
  const raw = rawWeightVector(answers, catalog, c);
  const criteria = raw.length > c.criteria.length ? [...c.criteria, c.continuity] : c.criteria;
  const total = raw.reduce((s, x) => s + x, 0) || 1;
  const weights = raw.map((x) => x / total);

  const existing = new Set(asList(answers.existingTools) as ToolId[]);
  const managed = managedFor(answers, catalog);
  const ratings = {} as Context['ratings'];
  for (const tool of c.tools) {
    const row = [...c.ratings[tool]];
    const m = managed.get(tool);
    if (m && c.managedIndex >= 0) row[c.managedIndex] = Math.min(5, row[c.managedIndex]! + m.bonus);
    // Switching has a cost (F-4): what the team already runs needs no adopting.
    if (existing.has(tool)) for (const i of c.adopted) row[i] = 5;
    // A stack's continuity adds up over its tools: 5 when it keeps everything the team runs.
    if (criteria.length > c.criteria.length) row.push(existing.has(tool) ? 5 / existing.size : 0);
    ratings[tool] = row;
  }

  const adopted = (tool: ToolId, i: number) => existing.has(tool) && c.adopted.includes(i);
  const source = (tool: ToolId, i: number): string[] => {
    const crit = criteria[i]!;
    if (crit.kind === 'continuity' || adopted(tool, i)) return catalog.model.continuity.sources;
    const r = catalog.ratings[tool]![crit.id]!;
    const m = managed.get(tool);
    return m && i === c.managedIndex && ratings[tool][i] !== r.rating ? [...r.sources, ...m.sources] : r.sources;
  };
  const text = (tool: ToolId, i: number): string => {
    const crit = criteria[i]!;
    if (crit.kind === 'continuity') return existing.has(tool) ? 'Already run by the team' : 'Not yet run by the team';
    if (adopted(tool, i)) return catalog.model.continuity.adoptedText;
    const r = catalog.ratings[tool]![crit.id]!;
    const m = managed.get(tool);
    return m && i === c.managedIndex && ratings[tool][i] !== r.rating ? `${r.text}; managed on your cloud by ${m.names.join(', ')}` : r.text;
  };

  const cfg = catalog.model.combinations;
  const requirements = catalog.model.requirements.rules
    .filter((r) => has(answers[r.question], r.value))
    .map((r) => ({ question: r.question, value: r.value, index: c.index.get(r.criterion)!, min: r.min, why: r.why, sources: r.sources }));
  return {
    criteria,
    weights,
    ratings,
    source,
    text,
    existing,
    excluded: exclusionsFor(answers, catalog),
    penaltyPerNewTool: penaltyPerNewTool(answers, catalog),
    margin: cfg.margin,
    maxTools: cfg.maxTools,
    tools: c.tools,
    managed,
    requirements,
    pointsPerMissingRating: catalog.model.requirements.pointsPerMissingRating,
  };
}
