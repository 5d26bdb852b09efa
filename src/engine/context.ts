// Turns answers into what the scorer needs: criterion weights from the rule table, the ways each
// tool can run for this team (deployment targets, each with its own ratings), the must-haves the
// answers declare, and why a tool that no target fits is out. The catalog's static part is
// compiled once, because flips and the roadmap re-run this for dozens of changed answers.
import type { Catalog, Rating, Target } from '../catalog/schema.js';
import type { ToolId } from '../catalog/ids.js';
import { asList, has } from './answer-values.js';
import { answerText } from './describe.js';
import { stacksToScore } from './prune.js';
import type { Answers, Context, Core, ExclusionHit, Option, Requirement, ScoredCriterion } from './types.js';

/** A target's ratings in criteria order: where each comes from, so words and sources follow it. */
interface CompiledTarget {
  def: Target;
  index: number;
  /** The rating record behind each criterion (the tool's own, or the target's override). */
  records: Rating[];
  /** Overrides on the target's own platform, by criterion index. */
  onPlatform: [number, Rating][];
  requires: [string, string[]][];
  /** The options made of this target so far, by how the team stands to it (see optionFor). */
  made: Map<string, Option>;
}

export interface Compiled {
  criteria: ScoredCriterion[];
  continuity: ScoredCriterion;
  index: Map<string, number>;
  base: number[];
  rules: { question: string; value: string; add: [number, number][]; scale: [number, number][] }[];
  /** Every rating record of the catalog (a tool's own, a target's, a target's on its platform), numbered. */
  recordIds: Map<Rating, number>;
  targets: Record<ToolId, CompiledTarget[]>;
  adopted: number[];
  tools: ToolId[];
  stacks: ToolId[][];
  requirements: Requirement[];
  pairs: Core['pairs'];
  /** Penalty points added per answer, by question. */
  penaltyAdd: [string, Record<string, number>][];
  /** Tools an organisation's catalog rules out (--catalog: exclude), with its reason. */
  ruledOut: Map<ToolId, { text: string; sources: string[] }>;
}

const compiledCache = new WeakMap<Catalog, Compiled>();

export function compile(catalog: Catalog): Compiled {
  let c = compiledCache.get(catalog);
  if (c) return c;
  const criteria = catalog.criteria.map((x) => ({ id: x.id, name: x.name, kind: x.kind }) as ScoredCriterion);
  const index = new Map(criteria.map((x, i) => [x.id, i]));
  const pairs = (m: Record<string, number> | undefined) => Object.entries(m ?? {}).map(([id, v]) => [index.get(id)!, v] as [number, number]);
  const tools = catalog.tools.map((t) => t.id);
  const targets = {} as Record<ToolId, CompiledTarget[]>;
  for (const t of tools) targets[t] = [];
  const recordIds = new Map<Rating, number>();
  const number = (r: Rating) => {
    if (!recordIds.has(r)) recordIds.set(r, recordIds.size);
  };
  catalog.targets.forEach((def, k) => {
    const own = catalog.ratings[def.tool]!;
    const t: CompiledTarget = {
      def,
      index: k,
      records: criteria.map((x) => def.ratings[x.id] ?? own[x.id]!),
      onPlatform: Object.entries(def.onPlatform ?? {}).map(([id, r]) => [index.get(id)!, r]),
      requires: Object.entries(def.requires),
      made: new Map(),
    };
    t.records.forEach(number);
    for (const [, r] of t.onPlatform) number(r);
    targets[def.tool]!.push(t);
  });
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
    recordIds,
    targets,
    adopted: cont.adopted.map((id) => index.get(id)!),
    tools,
    stacks,
    requirements: catalog.model.requirements.rules.map((r) => ({
      id: r.id,
      label: r.label,
      question: r.question,
      value: r.value,
      index: index.get(r.criterion)!,
      min: r.min,
      why: r.why,
      sources: r.sources,
    })),
    penaltyAdd: Object.entries(catalog.model.combinations.penaltyAdd),
    ruledOut: new Map((catalog.ruledOut ?? []).map((r) => [r.tool, r])),
    pairs: catalog.model.glue
      .filter((g) => g.needs)
      .map((g) => ({
        tools: [g.tools[0]!, g.tools[1]!] as [ToolId, ToolId],
        needs: Object.fromEntries(Object.entries(g.needs!).map(([tool, ids]) => [tool, new Set(ids.map((id) => catalog.targets.findIndex((t) => t.id === id)))])),
      })),
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
  // Plain loops: flips and the roadmap run this for every answer they try.
  for (let k = 0; k < c.rules.length; k++) {
    const r = c.rules[k]!;
    if (!has(answers[r.question], r.value)) continue;
    for (let j = 0; j < r.add.length; j++) w[r.add[j]![0]] = w[r.add[j]![0]]! + r.add[j]![1];
    for (let j = 0; j < r.scale.length; j++) scale[r.scale[j]![0]] = scale[r.scale[j]![0]]! * r.scale[j]![1];
  }
  for (let i = 0; i < w.length; i++) w[i] = Math.max(0, w[i]!) * scale[i]!;
  if (asList(answers.existingTools).length > 0) w.push(catalog.model.continuity.weight);
  return w;
}

/**
 * Whether the answers meet one requirement of a target. A team on a target's own platform meets
 * its cloud requirement whatever cloud it named (a SageMaker team is on AWS).
 */
function meets(answers: Answers, catalog: Catalog, t: CompiledTarget, question: string, values: readonly string[]): boolean {
  if (values.some((v) => has(answers[question], v))) return true;
  if (question !== 'cloud' || t.def.platform === undefined || answers.platform !== t.def.platform) return false;
  return catalog.model.platforms[t.def.platform]!.every((x) => values.includes(x));
}

/** The requirements of a target these answers do not meet. */
function missing(answers: Answers, catalog: Catalog, t: CompiledTarget): [string, string[]][] {
  return t.requires.filter(([q, values]) => !meets(answers, catalog, t, q, values));
}

/** Whether these answers meet every requirement of a target. */
function possible(answers: Answers, catalog: Catalog, t: CompiledTarget): boolean {
  for (let k = 0; k < t.requires.length; k++) if (!meets(answers, catalog, t, t.requires[k]![0], t.requires[k]![1])) return false;
  return true;
}

export function penaltyPerNewTool(answers: Answers, catalog: Catalog): number {
  const cfg = catalog.model.combinations;
  const adds = compile(catalog).penaltyAdd;
  let p = cfg.penaltyPerNewTool;
  for (let i = 0; i < adds.length; i++) p += adds[i]![1][String(answers[adds[i]![0]])] ?? 0;
  return Math.max(cfg.minPenalty, p);
}

/**
 * A tool's ratings on one target as this team gets them: the target's own ratings, those of its
 * platform when the team is on it, and none of the adopting cost for a tool the team already
 * runs; with `continuity`, a last column for keeping the tools it runs. These depend on the team
 * only through those few facts, so each target keeps the options made of it (they are read only).
 */
function optionFor(c: Compiled, t: CompiledTarget, answers: Answers, existing: ReadonlySet<ToolId>, continuity: boolean, defaultSpread: number): Option {
  const tool = t.def.tool;
  const onPlatform = t.def.platform !== undefined && answers.platform === t.def.platform;
  const runs = existing.has(tool);
  const key = `${onPlatform ? 1 : 0}${runs ? 1 : 0}${continuity ? existing.size : '-'}`;
  const made = t.made.get(key);
  if (made) return made;
  const records = [...t.records];
  if (onPlatform) for (const [i, r] of t.onPlatform) records[i] = r;
  const ratings = records.map((r) => r.rating);
  const spread = records.map((r) => r.uncertainty ?? defaultSpread);
  const source = records.map((r) => c.recordIds.get(r)!);
  // Switching has a cost (F-4): what the team already runs needs no adopting.
  if (runs) {
    for (const i of c.adopted) {
      ratings[i] = 5;
      spread[i] = 0;
      source[i] = -1;
    }
  }
  // A stack's continuity adds up over its tools: 5 when it keeps everything the team runs.
  if (continuity) {
    ratings.push(runs ? 5 / existing.size : 0);
    spread.push(0);
    source.push(-1);
  }
  const option: Option = { tool, target: t.index, ratings, base: [...ratings], spread, source };
  t.made.set(key, option);
  return option;
}

/** The numbers alone: what re-running the decision for a changed answer needs. */
export function buildCore(answers: Answers, catalog: Catalog): Core {
  const c = compile(catalog);
  const raw = rawWeightVector(answers, catalog, c);
  const continuity = raw.length > c.criteria.length;
  const criteria = continuity ? [...c.criteria, c.continuity] : c.criteria;
  const total = raw.reduce((s, x) => s + x, 0) || 1;
  const weights = raw.map((x) => x / total);
  const existing = new Set(asList(answers.existingTools) as ToolId[]);
  const spread = catalog.model.sensitivity.ratingUncertainty;
  const excluded = new Set<ToolId>();
  const options = {} as Record<ToolId, Option[]>;
  for (const tool of c.tools) {
    const all = c.targets[tool]!;
    let open = all.filter((t) => possible(answers, catalog, t));
    // A tool the team runs already runs as it does today (the target that requires exactly that).
    const asRun = open.filter((t) => t.requires.some(([q]) => q === 'existingTools'));
    if (asRun.length > 0) open = asRun;
    // An organisation's catalog may rule a tool out, whatever the answers.
    if (c.ruledOut.has(tool)) open = [];
    if (open.length === 0) {
      excluded.add(tool);
      open = all;
    }
    options[tool] = open.map((t) => optionFor(c, t, answers, existing, continuity, spread));
  }
  const settled = new Set(existing);
  for (const tool of c.tools) {
    if (!excluded.has(tool) && options[tool]!.some((o) => catalog.targets[o.target]!.platform === answers.platform)) settled.add(tool);
  }
  const cfg = catalog.model.combinations;
  return {
    criteria,
    weights,
    existing,
    settled,
    ratingCount: c.recordIds.size,
    excluded,
    options,
    penaltyPerNewTool: penaltyPerNewTool(answers, catalog),
    margin: cfg.margin,
    maxTools: cfg.maxTools,
    tools: c.tools,
    // A large catalog combines only the best few tools per capability (prune.ts).
    stacks: stacksToScore({
      tools: c.tools,
      stacks: c.stacks,
      kinds: criteria.map((x) => x.kind),
      weights,
      rating: (tool, i) => options[tool]!.reduce((m, o) => Math.max(m, o.ratings[i]!), 0),
      existing,
      excluded,
    }),
    pairs: c.pairs,
    requirements: c.requirements.filter((r) => has(answers[r.question], r.value)),
    pointsPerMissingRating: catalog.model.requirements.pointsPerMissingRating,
  };
}

/** Why no target fits a tool, and the single answers that would make one fit. */
function exclusionFor(tool: ToolId, answers: Answers, catalog: Catalog): ExclusionHit {
  const c = compile(catalog);
  const ruled = c.ruledOut.get(tool);
  if (ruled) return { text: ruled.text, sources: ruled.sources, because: [], liftedBy: [] };
  const questions = new Map(catalog.questions.map((q) => [q.id, q]));
  const because = new Map<string, string | string[]>();
  const liftedBy: ExclusionHit['liftedBy'] = [];
  const parts: string[] = [];
  // (Running the tool already is no way to make it possible.)
  const ways = c.targets[tool]!.filter((t) => !t.requires.some(([q]) => q === 'existingTools'));
  for (const t of ways) {
    const gaps = missing(answers, catalog, t);
    for (const [q] of gaps) because.set(q, answers[q] ?? '');
    parts.push(`${t.def.label} needs ${gaps.map(([q, vs]) => `${questions.get(q)?.label ?? q} ${vs.map((v) => `"${answerText(catalog, q, v)}"`).join(' or ')}`).join(' and ')}`);
    if (gaps.length !== 1) continue;
    const [q, all] = gaps[0]!;
    const values = all.filter((v) => !catalog.model.noLift[q]?.includes(v));
    if (values.length === 0) continue;
    const lift = questions.get(q)?.type === 'multi' ? [values[0]!] : values[0]!;
    if (!liftedBy.some((l) => l.question === q && JSON.stringify(l.value) === JSON.stringify(lift))) liftedBy.push({ question: q, value: lift });
  }
  return {
    text: `no way of running it fits these answers: ${parts.join('; ')}`,
    sources: [...new Set(ways.map((t) => t.def.sources[0]!))],
    because: [...because].map(([question, value]) => ({ question, value })),
    liftedBy,
  };
}

export function buildContext(answers: Answers, catalog: Catalog): Context {
  const c = compile(catalog);
  const core = buildCore(answers, catalog);
  const excluded = new Map<ToolId, ExclusionHit>();
  for (const tool of c.tools) if (core.excluded.has(tool)) excluded.set(tool, exclusionFor(tool, answers, catalog));
  const cont = catalog.model.continuity;
  const record = (o: Option, i: number): Rating | undefined => {
    const t = catalog.targets[o.target]!;
    const id = core.criteria[i]!.id;
    if (t.platform !== undefined && answers.platform === t.platform && t.onPlatform?.[id]) return t.onPlatform[id];
    return t.ratings[id] ?? catalog.ratings[o.tool]?.[id];
  };
  const adopted = (o: Option, i: number) => core.existing.has(o.tool) && c.adopted.includes(i);
  const source = (o: Option, i: number): string[] => {
    if (core.criteria[i]!.kind === 'continuity' || adopted(o, i)) return cont.sources;
    return record(o, i)!.sources;
  };
  const text = (o: Option, i: number): string => {
    if (core.criteria[i]!.kind === 'continuity') return core.existing.has(o.tool) ? 'Already run by the team' : 'Not yet run by the team';
    if (adopted(o, i)) return cont.adoptedText;
    return record(o, i)!.text;
  };
  return { ...core, excluded, source, text };
}
