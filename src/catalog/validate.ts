// Checks a catalog beyond its shape: every tool rated on every criterion, rules that name real
// questions, values and criteria, and seed citations that exist in the article's digest.
import type { ToolId } from './ids.js';
import { catalogSchema, type Catalog } from './schema.js';

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`the catalog is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'CatalogError';
  }
}

/** `claims`: the claim ids of the article's digest (e.g. KF-11); when given, every seed: citation must name one. */
export function validateCatalog(raw: unknown, claims?: ReadonlySet<string>): Catalog {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CatalogError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return checkCatalog(parsed.data, claims);
}

/**
 * The checks beyond the shape, for a catalog whose parts each passed their schema already (the
 * built-in one, with an organisation's file parsed by the schemas derived from it: overlay.ts).
 */
export function checkCatalog(cat: Catalog, claims?: ReadonlySet<string>): Catalog {
  const problems: string[] = [];
  const criteria = new Set(cat.criteria.map((c) => c.id));
  const questions = new Map(cat.questions.map((q) => [q.id, new Set(q.choices.map((c) => c.value))]));

  const tools = new Set<string>();
  for (const tool of cat.tools) {
    if (tools.has(tool.id)) problems.push(`tools.${tool.id}: duplicate id`);
    tools.add(tool.id);
    for (const c of criteria) if (!cat.ratings[tool.id]?.[c]) problems.push(`ratings.${tool.id}: no rating for ${c}`);
  }
  for (const [tool, byCriterion] of Object.entries(cat.ratings)) {
    if (!tools.has(tool)) problems.push(`ratings.${tool}: no such tool`);
    for (const c of Object.keys(byCriterion ?? {})) if (!criteria.has(c)) problems.push(`ratings.${tool}.${c}: unknown criterion`);
  }
  for (const q of cat.questions) {
    const values = questions.get(q.id)!;
    const defaults = Array.isArray(q.default) ? q.default : [q.default];
    if ((q.type === 'multi') !== Array.isArray(q.default)) problems.push(`questions.${q.id}: default does not match type ${q.type}`);
    for (const d of defaults) if (!values.has(d)) problems.push(`questions.${q.id}: default ${d} is not a choice`);
  }
  const checkWhen = (where: string, when: Record<string, string[]>) => {
    for (const [qid, vals] of Object.entries(when)) {
      const allowed = questions.get(qid);
      if (!allowed) problems.push(`${where}: unknown question ${qid}`);
      else for (const v of vals) if (!allowed.has(v)) problems.push(`${where}: ${qid} has no value ${v}`);
    }
  };
  cat.model.weightRules.forEach((r, i) => {
    checkWhen(`model.weightRules[${i}]`, { [r.question]: [r.value] });
    for (const c of [...Object.keys(r.add ?? {}), ...Object.keys(r.scale ?? {})]) {
      if (!criteria.has(c)) problems.push(`model.weightRules[${i}]: unknown criterion ${c}`);
    }
  });
  const targetIds = new Set<string>();
  for (const t of cat.targets) {
    const where = `targets.${t.id}`;
    if (targetIds.has(t.id)) problems.push(`${where}: duplicate id`);
    targetIds.add(t.id);
    checkWhen(where, t.requires);
    if (t.platform && !cat.model.platforms[t.platform]) problems.push(`${where}: unknown platform ${t.platform}`);
    for (const c of [...Object.keys(t.ratings), ...Object.keys(t.onPlatform ?? {})]) if (!criteria.has(c)) problems.push(`${where}: unknown criterion ${c}`);
  }
  for (const tool of cat.tools) if (!cat.targets.some((t) => t.tool === tool.id)) problems.push(`targets: ${tool.id} has no deployment target`);
  for (const g of cat.model.glue) {
    for (const [tool, ids] of Object.entries(g.needs ?? {})) {
      for (const id of ids) if (!cat.targets.some((t) => t.id === id && t.tool === tool)) problems.push(`model.glue: ${tool} has no target ${id}`);
    }
  }
  checkWhen('model.noLift', cat.model.noLift);
  const platform = questions.get('platform');
  for (const p of Object.keys(cat.model.platforms)) if (platform && !platform.has(p)) problems.push(`model.platforms: platform has no value ${p}`);
  const reqIds = new Set<string>();
  for (const r of cat.model.requirements.rules) {
    if (reqIds.has(r.id)) problems.push(`model.requirements.rules: duplicate id ${r.id}`);
    reqIds.add(r.id);
  }
  for (const t of cat.targets) if (!tools.has(t.tool)) problems.push(`targets.${t.id}: unknown tool ${t.tool}`);
  // The tools a team may already run are the catalog's tools.
  const existing = cat.questions.find((q) => q.id === 'existingTools');
  if (existing && existing.choices.map((c) => c.value).join() !== [...tools].join()) problems.push('questions.existingTools: choices must be the tools, in catalog order');
  (cat.ruledOut ?? []).forEach((r, i) => {
    if (!tools.has(r.tool)) problems.push(`ruledOut[${i}]: unknown tool ${r.tool}`);
  });
  for (const c of cat.model.continuity.adopted) if (!criteria.has(c)) problems.push(`model.continuity.adopted: unknown criterion ${c}`);
  cat.model.roadmap.triggers.forEach((t, i) => {
    for (const [q, v] of Object.entries(t.set ?? {})) checkWhen(`model.roadmap.triggers[${i}].set`, { [q]: [v] });
    for (const [q, v] of Object.entries(t.add ?? {})) checkWhen(`model.roadmap.triggers[${i}].add`, { [q]: v });
  });
  cat.model.requirements.rules.forEach((r, i) => {
    checkWhen(`model.requirements.rules[${i}]`, { [r.question]: [r.value] });
    if (!criteria.has(r.criterion)) problems.push(`model.requirements.rules[${i}]: unknown criterion ${r.criterion}`);
  });
  for (const q of cat.questions) if (q.askWhen) checkWhen(`questions.${q.id}.askWhen`, q.askWhen);
  for (const [qid, byValue] of Object.entries(cat.model.combinations.penaltyAdd)) {
    checkWhen('model.combinations.penaltyAdd', { [qid]: Object.keys(byValue) });
  }
  for (const q of cat.questions) {
    const rule = cat.team.rules[q.id];
    if (!rule) problems.push(`team.rules: no rule for question ${q.id}`);
    else if (rule === 'median' && (q.type !== 'single' || !q.ordinal)) problems.push(`team.rules.${q.id}: median needs an ordinal single-choice question`);
    else if (rule === 'union' && q.type !== 'multi') problems.push(`team.rules.${q.id}: union needs a list question`);
    else if (rule === 'plurality' && q.type !== 'single') problems.push(`team.rules.${q.id}: plurality needs a single-choice question`);
  }
  for (const id of Object.keys(cat.team.rules)) if (!questions.has(id)) problems.push(`team.rules: unknown question ${id}`);

  if (claims) {
    // The built-in data cites public sources only; catalog:NAME is for organisations' own files.
    if (JSON.stringify(cat).includes('"catalog:')) problems.push('catalog:NAME sources belong in an organisation\'s catalog file, not the built-in data');
    const seeds = JSON.stringify(cat).match(/seed:[A-Z]+-\d+/g) ?? [];
    for (const s of new Set(seeds)) if (!claims.has(s.slice(5))) problems.push(`${s}: no such claim in the digest`);
  }

  if (problems.length) throw new CatalogError(problems);
  return cat;
}

const SECTION_TOOL: Record<string, ToolId> = { AF: 'airflow', MF: 'metaflow', KF: 'kubeflow', ML: 'mlflow' };
const TOOL_WORDS: [ToolId, RegExp][] = [
  ['airflow', /\bAirflow\b/],
  ['metaflow', /\bMetaflow\b/],
  ['kubeflow', /\bKubeflow\b/],
  ['mlflow', /\bMLflow\b/],
];

/**
 * The tools each claim of a digest is about: a tool's own section (AF-3 is about Airflow), or,
 * for framing and guidance claims, the tools the claim names.
 */
export function claimTopics(digest: string): Map<string, Set<ToolId>> {
  const out = new Map<string, Set<ToolId>>();
  for (const m of digest.matchAll(/^- ([A-Z]+)-(\d+) ((?:.*)(?:\n {2,}.*)*)/gm)) {
    const [, section, n, text] = m;
    const own = SECTION_TOOL[section!];
    out.set(`${section}-${n}`, new Set(own ? [own] : TOOL_WORDS.filter(([, re]) => re.test(text!.replace(/\s+/g, ' '))).map(([t]) => t)));
  }
  return out;
}

/**
 * Seed citations of a tool's facts, ratings and targets that are about another tool: a claim
 * supports a statement on a tool only when its topic is that tool.
 */
export function offTopicCitations(cat: Catalog, topics: Map<string, Set<ToolId>>): string[] {
  const problems: string[] = [];
  const check = (tool: ToolId, where: string, sources: readonly string[]) => {
    for (const s of sources) {
      if (!s.startsWith('seed:')) continue;
      const topic = topics.get(s.slice(5));
      if (topic && !topic.has(tool)) problems.push(`${where}: ${s} is not about ${tool}`);
    }
  };
  for (const tool of cat.tools) {
    for (const k of ['facts', 'strengths', 'tradeOffs'] as const) tool[k].forEach((x, i) => check(tool.id, `tools.${tool.id}.${k}[${i}]`, x.sources));
  }
  for (const [tool, byCriterion] of Object.entries(cat.ratings)) {
    for (const [c, r] of Object.entries(byCriterion ?? {})) check(tool as ToolId, `ratings.${tool}.${c}`, r.sources);
  }
  for (const t of cat.targets) {
    check(t.tool, `targets.${t.id}`, t.sources);
    for (const [c, r] of Object.entries({ ...t.ratings })) check(t.tool, `targets.${t.id}.ratings.${c}`, r.sources);
    for (const [c, r] of Object.entries(t.onPlatform ?? {})) check(t.tool, `targets.${t.id}.onPlatform.${c}`, r.sources);
    t.nextSteps.forEach((x, i) => check(t.tool, `targets.${t.id}.nextSteps[${i}]`, x.sources));
  }
  return problems;
}

/** Claim ids (F-1, AF-3, ...) of a digest in the format of data/seed/digest.md. */
export function claimIds(digest: string): Set<string> {
  return new Set([...digest.matchAll(/^- ([A-Z]+-\d+) /gm)].map((m) => m[1]!));
}
