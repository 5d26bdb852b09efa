// Turns answers into what the scorer needs: criterion weights from the rule table, effective
// ratings (managed offerings on the team's cloud lower the ops burden), exclusions and declared
// needs. The catalog's static part is compiled once, because flips and the roadmap re-run this
// for dozens of changed answers.
import type { Catalog, ManagedOffering } from '../catalog/schema.js';
import type { ToolId } from '../catalog/ids.js';
import { asList, has } from './answer-values.js';
import type { Answers, Context, Core, ExclusionHit, Requirement, ScoredCriterion } from './types.js';


export interface Compiled {
  criteria: ScoredCriterion[];
  continuity: ScoredCriterion;
  index: Map<string, number>;
  base: number[];
  rules: { question: string; value: string; add: [number, number][]; scale: [number, number][] }[];
  ratings: Record<ToolId, number[]>;
  managedIndex: number;
  adopted: number[];
  tools: ToolId[];
  stacks: ToolId[][];
  requirements: (Requirement & { question: string; value: string })[];
  exclusions: { tool: ToolId; when: [string, string[]][]; unless: [string, string[]][] }[];
  /** Penalty points added per answer, by question. */
  penaltyAdd: [string, Record<string, number>][];
}

const compiledCache = new WeakMap<Catalog, Compiled>();

export function compile(catalog: Catalog): Compiled {
  let c = compiledCache.get(catalog);
  if (c) return c;
  const criteria = catalog.criteria.map((x) => ({ id: x.id, name: x.name, kind: x.kind }) as ScoredCriterion);
  const index = new Map(criteria.map((x, i) => [x.id, i]));
  const pairs = (m: Record<string, number> | undefined) => Object.entries(m ?? {}).map(([id, v]) => [index.get(id)!, v] as [number, number]);
  const tools = catalog.tools.map((t) => t.id);
  const ratings = {} as Record<ToolId, number[]>;
  for (const t of tools) ratings[t] = criteria.map((x) => catalog.ratings[t]![x.id]!.rating);
  const cont = catalog.model.continuity;
  // Stacks in tie-break order: fewer tools first, then catalog order.
  const stacks: ToolId[][] = [];
  const walk = (start: number, acc: ToolId[]) => {
    if (acc.length >= 2) stacks.push(acc);
    if (acc.length === catalog.model.combinations.maxTools) return;
    for (let i = start; i < tools.length; i++) walk(i + 1, [...acc, tools[i]!]);
  };
  walk(0, []);
  stacks.sort((a, b) => a.length - b.length);
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
    stacks,
    requirements: catalog.model.requirements.rules.map((r) => ({
      question: r.question,
      value: r.value,
      index: index.get(r.criterion)!,
      min: r.min,
      why: r.why,
      sources: r.sources,
    })),
    exclusions: catalog.model.exclusions.map((e) => ({ tool: e.tool, when: Object.entries(e.when), unless: Object.entries(e.unless ?? {}) })),
    penaltyAdd: Object.entries(catalog.model.combinations.penaltyAdd),
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

/** Every condition holds: each names a question and values, one of which the answer has. */
function holds(answers: Answers, cond: [string, string[]][]): boolean {
  // Index loops: flips run this for every changed answer, in V8's interpreter.
  for (let i = 0; i < cond.length; i++) {
    const [q, values] = cond[i]!;
    let any = false;
    for (let k = 0; k < values.length && !any; k++) any = has(answers[q], values[k]!);
    if (!any) return false;
  }
  return true;
}

/** Whether a hard constraint rules the tool of exclusion `e` out: every `when` holds and no `unless` does. */
export const excludes = (answers: Answers, e: Compiled['exclusions'][number]) => holds(answers, e.when) && !(e.unless.length > 0 && holds(answers, e.unless));

/** Tools a hard constraint rules out: every `when` holds and no `unless` does. */
export function excludedTools(answers: Answers, c: Compiled): Set<ToolId> {
  const out = new Set<ToolId>();
  for (const e of c.exclusions) if (excludes(answers, e)) out.add(e.tool);
  return out;
}

export function exclusionsFor(answers: Answers, catalog: Catalog): Map<ToolId, ExclusionHit> {
  const c = compile(catalog);
  const hits = new Map<ToolId, ExclusionHit>();
  catalog.model.exclusions.forEach((rule, k) => {
    const e = c.exclusions[k]!;
    if (hits.has(rule.tool) || !excludes(answers, e)) return;
    const liftedBy: ExclusionHit['liftedBy'] = [];
    for (const [q, vals] of e.when) {
      const lift = catalog.questions.find((x) => x.id === q)?.choices.find((ch) => !vals.includes(ch.value));
      if (lift) liftedBy.push({ question: q, value: lift.value });
    }
    hits.set(rule.tool, {
      text: rule.text,
      sources: rule.sources,
      because: e.when.map(([q]) => ({ question: q, value: answers[q] ?? '' })),
      liftedBy,
    });
  });
  return hits;
}

/** Offerings the team can buy on its cloud (a multi-cloud team needs one that spans clouds), and the ops bonus its budget allows. */
function offeringsFor(answers: Answers, catalog: Catalog) {
  const cfg = catalog.model.managedOfferings;
  const cloud = String(answers.cloud ?? '');
  const bonus = cfg.bonusByBudget[String(answers.budget ?? '')] ?? 0;
  const on = (o: ManagedOffering) => (cloud === 'multi' ? o.clouds.length >= cfg.multiCloudNeeds : (o.clouds as string[]).includes(cloud));
  return { bonus, on };
}

export function managedFor(answers: Answers, catalog: Catalog): Context['managed'] {
  const out: Context['managed'] = new Map();
  const { bonus, on } = offeringsFor(answers, catalog);
  if (bonus <= 0) return out;
  for (const tool of catalog.tools) {
    const offers = tool.managedOfferings.filter(on);
    if (offers.length > 0) {
      out.set(tool.id, { names: offers.map((o) => o.name), sources: [...new Set(offers.flatMap((o) => o.sources))], bonus });
    }
  }
  return out;
}

/** The ops bonus per tool from managed offerings on the team's cloud (0 where there are none). */
export function managedBonus(answers: Answers, catalog: Catalog): Partial<Record<ToolId, number>> {
  const out: Partial<Record<ToolId, number>> = {};
  const { bonus, on } = offeringsFor(answers, catalog);
  if (bonus <= 0) return out;
  for (const tool of catalog.tools) if (tool.managedOfferings.some(on)) out[tool.id] = bonus;
  return out;
}

export function penaltyPerNewTool(answers: Answers, catalog: Catalog): number {
  const cfg = catalog.model.combinations;
  const adds = compile(catalog).penaltyAdd;
  let p = cfg.penaltyPerNewTool;
  for (let i = 0; i < adds.length; i++) p += adds[i]![1][String(answers[adds[i]![0]])] ?? 0;
  return Math.max(cfg.minPenalty, p);
}

/**
 * Each tool's ratings as this team gets them: managed offerings on its cloud lower the ops burden,
 * and what it already runs needs no adopting; with `continuity`, a last column for keeping the
 * tools it runs.
 */
export function effectiveRatings(c: Compiled, existing: ReadonlySet<ToolId>, continuity: boolean, bonus: Partial<Record<ToolId, number>>): Record<ToolId, number[]> {
  const ratings = {} as Record<ToolId, number[]>;
  for (const tool of c.tools) {
    const row = [...c.ratings[tool]];
    const b = bonus[tool];
    if (b !== undefined && c.managedIndex >= 0) row[c.managedIndex] = Math.min(5, row[c.managedIndex]! + b);
    // Switching has a cost (F-4): what the team already runs needs no adopting.
    if (existing.has(tool)) for (const i of c.adopted) row[i] = 5;
    // A stack's continuity adds up over its tools: 5 when it keeps everything the team runs.
    if (continuity) row.push(existing.has(tool) ? 5 / existing.size : 0);
    ratings[tool] = row;
  }
  return ratings;
}

/** The numbers alone: what re-running the decision for a changed answer needs. */
export function buildCore(answers: Answers, catalog: Catalog, excluded: Core['excluded'] = excludedTools(answers, compile(catalog))): Core {
  const c = compile(catalog);
  const raw = rawWeightVector(answers, catalog, c);
  const criteria = raw.length > c.criteria.length ? [...c.criteria, c.continuity] : c.criteria;
  const total = raw.reduce((s, x) => s + x, 0) || 1;
  const weights = raw.map((x) => x / total);

  const existing = new Set(asList(answers.existingTools) as ToolId[]);
  const ratings = effectiveRatings(c, existing, criteria.length > c.criteria.length, managedBonus(answers, catalog));
  const cfg = catalog.model.combinations;
  return {
    criteria,
    weights,
    ratings,
    existing,
    excluded,
    penaltyPerNewTool: penaltyPerNewTool(answers, catalog),
    margin: cfg.margin,
    maxTools: cfg.maxTools,
    tools: c.tools,
    stacks: c.stacks,
    requirements: c.requirements.filter((r) => has(answers[r.question], r.value)),
    pointsPerMissingRating: catalog.model.requirements.pointsPerMissingRating,
  };
}

export function buildContext(answers: Answers, catalog: Catalog): Context {
  const c = compile(catalog);
  const excluded = exclusionsFor(answers, catalog);
  const core = buildCore(answers, catalog, excluded);
  const { criteria, ratings, existing } = core;
  const managed = managedFor(answers, catalog);
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
  return { ...core, excluded, managed, source, text };
}
