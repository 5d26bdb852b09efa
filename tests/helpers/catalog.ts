import { readFileSync } from 'node:fs';
import { catalog } from '../../src/catalog/catalog.js';
import type { Catalog } from '../../src/catalog/schema.js';
import type { CatalogFile } from '../../src/catalog/overlay.js';
import { claimIds } from '../../src/catalog/validate.js';
import { defaults } from '../../src/questionnaire/questions.js';
import type { Answers } from '../../src/engine/types.js';

export const claims = claimIds(readFileSync(new URL('../../data/seed/digest.md', import.meta.url), 'utf8'));

/** A deep copy of the built-in catalog that a test may change freely. */
export const copyCatalog = (): Catalog => structuredClone(catalog);

export const withDefaults = (answers: Partial<Answers> = {}): Answers => ({ ...defaults(catalog), ...answers }) as Answers;

export interface Scenario {
  id: string;
  answers: Partial<Answers>;
  recommend: string[][];
  notFirst?: string[];
  /** The deployment target expected for a recommended tool. */
  targets?: Record<string, string>;
  sources?: string[];
  /** The must-haves the advice must report as unmet (an empty list: every one met). */
  unmet?: string[];
}

export const loadScenarios = (name: string): Scenario[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')).scenarios;

/**
 * A catalog file that adds one tool: a copy of a built-in tool's entry and ratings under a new id
 * and name, with `ratings` overriding some of its rating numbers. Complete and valid as it stands.
 */
export function fifthTool(
  id = 'acme-flow',
  opts: { like?: string; name?: string; ratings?: Record<string, number> } = {},
): CatalogFile & { tools: CatalogFile['tools'] & object } {
  const like = opts.like ?? 'airflow';
  const tool = structuredClone(catalog.tools.find((t) => t.id === like)!);
  const ratings = structuredClone(catalog.ratings[like]!);
  for (const [c, r] of Object.entries(opts.ratings ?? {})) ratings[c] = { ...ratings[c]!, rating: r, text: `Rated ${r} by the platform team`, sources: ['https://example.com/acme/docs'], checked: '2026-11-27' };
  // Its ways of running: the model tool's, under ids of its own (none of their own ratings when ratings are given).
  const targets = catalog.targets
    .filter((t) => t.tool === like)
    .map(({ tool: _tool, ...t }) => {
      const copy = { ...structuredClone(t), id: `${id}-${t.id}`, ...(opts.ratings ? { ratings: {}, onPlatform: undefined } : {}) };
      // "As the team runs it today" is about this tool.
      if (copy.requires.existingTools) copy.requires.existingTools = [id];
      return copy;
    });
  return { tools: [{ ...tool, id, name: opts.name ?? 'Acme Flow', ratings, targets }] };
}

/** `count` synthetic tools (copies of built-in entries) with ratings from a seeded generator: a catalog file. */
export function syntheticTools(count: number, seed = 1): CatalogFile & { tools: CatalogFile['tools'] & object } {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const tools = [];
  for (let i = 1; i <= count; i++) {
    const like = catalog.tools[i % catalog.tools.length]!.id;
    const ratings = Object.fromEntries(catalog.criteria.map((c) => [c.id, Math.floor(next() * 6)]));
    tools.push(fifthTool(`synthetic-${i}`, { like, name: `Synthetic ${i}`, ratings }).tools[0]!);
  }
  return { tools };
}
