// An organisation's catalog file on top of the built-in catalog: tools it adds, partial
// overrides of existing tools, and tools it rules out. The file's schema (schema.ts) is derived
// from the built-in tool and rating schemas, so a field the built-in tools gain is asked of a
// catalog's tools too; the merged catalog then goes through the same checks as the built-in one
// (validate.ts; the tests also run the full validation on merged catalogs). Errors are one line
// each and name the file, the tool and the field.
import { z } from 'zod';
import { catalogFileSchema, type Catalog, type CatalogFile } from './schema.js';
import { CatalogError, checkCatalog } from './validate.js';

export { catalogFileSchema, type CatalogFile } from './schema.js';

// One parse per file in a short run: zod's compiled fast path costs more to build than it saves.
z.config({ jitless: true });

/** The JSON Schema of a catalog file (`mlflow-advisor schema catalog`). */
export function catalogJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(catalogFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    title: 'mlflow-advisor catalog file (--catalog)',
    description:
      'Tools an organisation adds to the built-in catalog, changes to existing tools, and tools it rules out. ' +
      'A tool added here has what a built-in tool has: a rating with sources on every criterion (mlflow-advisor compare --json lists them), facts, strengths, trade-offs and first steps. ' +
      'Sources are seed:ID (a claim of the source article digest), https:// URLs, or catalog:NAME for the organisation\'s own statement.',
    ...rest,
  };
}

/** One problem with a catalog file, as one line naming the file, the tool and the field. */
export class CatalogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** "tools[2] (zenml)": where in the file, with the tool's id when the entry has one. */
function entryName(doc: unknown, section: string, index: number): string {
  const entry = isObject(doc) && Array.isArray(doc[section]) ? (doc[section] as unknown[])[index] : undefined;
  const id = isObject(entry) ? (entry.id ?? entry.tool) : undefined;
  return typeof id === 'string' ? `${section}[${index}] (${id})` : `${section}[${index}]`;
}

function describeIssue(issue: z.core.$ZodIssue, doc: unknown, where: string): string {
  const path = issue.path.map(String);
  const [section, index, ...rest] = path;
  const at = section !== undefined && index !== undefined && /^\d+$/.test(index) ? entryName(doc, section, Number(index)) : section ?? '(top level)';
  const field = rest.join('.');
  const last = rest.at(-1);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    return `${where}: ${at}${field ? `: ${field}` : ''}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'missing';
  if (last === 'sources' && (message === 'missing' || issue.code === 'too_small')) {
    message = `${message === 'missing' ? 'missing' : 'empty'}; cite at least one source (seed:ID, an https:// URL, or catalog:NAME)`;
  }
  if (rest[0] === 'ratings' && rest.length === 2 && issue.code === 'invalid_type') message = `${message}; a rating is { rating: 0-5, text, sources }`;
  return `${where}: ${at}${field ? `: ${field}` : ''}: ${message}`;
}

/** The path of the first `__proto__` key in a parsed document (JSON.parse keeps it as an own key), if any. */
function protoKey(v: unknown): string[] | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  for (const k of Object.keys(v)) {
    if (k === '__proto__') return [k];
    const inner = protoKey((v as Record<string, unknown>)[k]);
    if (inner) return [k, ...inner];
  }
  return undefined;
}

/** At most this many tools in a catalog with its files applied: 30 make 4,495 stacks of up to three. */
export const MAX_TOOLS = 30;

/** Parses a catalog file's document; throws CatalogFileError on the first problem. */
export function parseCatalogFile(doc: unknown, where: string): CatalogFile {
  if (!isObject(doc)) throw new CatalogFileError(`${where}: a catalog file is an object with tools, override and exclude lists.`);
  const proto = protoKey(doc);
  if (proto) throw new CatalogFileError(`${where}: ${proto.join('.')}: a "__proto__" key is not allowed.`);
  const parsed = catalogFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new CatalogFileError(describeIssue(issues[0]!, doc, where) + more);
  }
  return parsed.data;
}

/**
 * The catalog with one catalog file applied. `base` is not changed. The order within a file:
 * added tools, then overrides (which may change a tool the file adds), then exclusions.
 */
export function applyCatalogFile(base: Catalog, file: CatalogFile, where: string): Catalog {
  const cat = structuredClone(base) as Catalog;
  const criteria = cat.criteria.map((c) => c.id);
  const known = new Set(criteria);
  const fail = (at: string, message: string): never => {
    throw new CatalogFileError(`${where}: ${at}: ${message}`);
  };
  const toolList = () => cat.tools.map((t) => t.id).join(', ');
  const checkTargets = (at: string, targets: { id: string; ratings: Record<string, unknown>; onPlatform?: Record<string, unknown> }[], own?: string) => {
    targets.forEach((t, k) => {
      const other = cat.targets.find((x) => x.id === t.id);
      if ((other && other.tool !== own) || targets.findIndex((x) => x.id === t.id) !== k) fail(at, `targets[${k}].id: duplicate target id ${t.id}; target ids are unique across the catalog`);
      for (const c of [...Object.keys(t.ratings), ...Object.keys(t.onPlatform ?? {})]) if (!known.has(c)) fail(at, `targets[${k}] (${t.id}): ratings.${c}: unknown criterion`);
    });
  };
  const checkRatings = (at: string, ratings: Record<string, unknown>, complete: boolean) => {
    for (const c of Object.keys(ratings)) if (!known.has(c)) fail(at, `ratings.${c}: unknown criterion; the criteria are ${criteria.join(', ')}`);
    if (complete) {
      const missing = criteria.filter((c) => !(c in ratings));
      if (missing.length) fail(at, `ratings.${missing[0]}: missing rating${missing.length > 1 ? ` (and ${missing.length - 1} more: ${missing.slice(1).join(', ')})` : ''}; a tool is rated on every criterion`);
    }
  };

  (file.tools ?? []).forEach((entry, i) => {
    const at = `tools[${i}] (${entry.id})`;
    if (cat.tools.some((t) => t.id === entry.id)) {
      fail(at, `id: duplicate id; ${entry.id} is already a tool (${toolList()}); change it with override, or give the new tool another id`);
    }
    checkRatings(at, entry.ratings, true);
    const { ratings, targets, ...tool } = entry;
    checkTargets(at, targets);
    cat.tools.push(tool);
    cat.ratings[entry.id] = ratings;
    cat.targets.push(...targets.map((t) => ({ ...t, tool: entry.id })));
  });

  if (cat.tools.length > MAX_TOOLS) fail(`tools[${MAX_TOOLS - base.tools.length}] (${cat.tools[MAX_TOOLS]!.id})`, `too many tools: at most ${MAX_TOOLS} in all, the built-in ones included`);

  (file.override ?? []).forEach((entry, i) => {
    const at = `override[${i}] (${entry.id})`;
    const tool = cat.tools.find((t) => t.id === entry.id);
    if (!tool) fail(at, `id: no tool ${entry.id} to override; the tools are ${toolList()} (add a new tool under tools)`);
    const { id: _id, ratings, facts, targets, ...fields } = entry;
    if (ratings) {
      checkRatings(at, ratings, false);
      cat.ratings[entry.id] = { ...cat.ratings[entry.id], ...ratings };
      // The organisation's rating holds however the tool is run: its targets' own ratings of
      // that criterion give way (targets the override gives below keep theirs).
      for (const t of cat.targets) {
        if (t.tool !== entry.id) continue;
        for (const c of Object.keys(ratings)) {
          delete t.ratings[c];
          if (t.onPlatform) delete t.onPlatform[c];
        }
      }
    }
    // A target with an id the tool has replaces that target; a new id adds one.
    if (targets) {
      checkTargets(at, targets, entry.id);
      for (const t of targets) {
        const k = cat.targets.findIndex((x) => x.id === t.id && x.tool === entry.id);
        if (k >= 0) cat.targets[k] = { ...t, tool: entry.id };
        else cat.targets.push({ ...t, tool: entry.id });
      }
    }
    // A fact with a label the tool has replaces that fact; a new label adds one.
    if (facts) {
      const merged = [...tool!.facts];
      for (const f of facts) {
        const k = merged.findIndex((x) => x.label === f.label);
        if (k >= 0) merged[k] = f;
        else merged.push(f);
      }
      tool!.facts = merged;
    }
    Object.assign(tool!, fields);
  });

  const ruledOut = new Set<string>();
  const name = where.split(/[\\/]/).pop() || where;
  (file.exclude ?? []).forEach((entry, i) => {
    const at = `exclude[${i}] (${entry.tool})`;
    if (!cat.tools.some((t) => t.id === entry.tool)) fail(at, `tool: no tool ${entry.tool} to exclude; the tools are ${toolList()}`);
    if (ruledOut.has(entry.tool)) fail(at, `tool: ${entry.tool} is excluded twice in this file; keep one reason`);
    ruledOut.add(entry.tool);
    // Whatever the answers: no answer lifts it.
    (cat.ruledOut ??= []).push({
      tool: entry.tool,
      text: `the organisation's catalog (${name}) rules it out: ${entry.reason}`,
      sources: entry.sources ?? [`catalog:${name}`],
    });
  });

  // The tools a team may already run are the catalog's tools.
  const existing = cat.questions.find((q) => q.id === 'existingTools');
  if (existing) existing.choices = cat.tools.map((t) => ({ value: t.id, label: t.name }));

  try {
    // The built-in parts are valid and the file's passed the schemas derived from theirs: what
    // is left to check is how they fit together.
    return checkCatalog(cat);
  } catch (e) {
    if (e instanceof CatalogError) throw new CatalogFileError(`${where}: ${e.problems[0]}${e.problems.length > 1 ? ` (and ${e.problems.length - 1} more)` : ''}`);
    throw e;
  }
}

/** The catalog with each file applied in order; each file is { doc, where } (its parsed document and its name). */
export function withCatalogFiles(base: Catalog, files: readonly { doc: unknown; where: string }[]): Catalog {
  let cat = base;
  for (const f of files) cat = applyCatalogFile(cat, parseCatalogFile(f.doc, f.where), f.where);
  return cat;
}

