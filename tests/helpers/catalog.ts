import { readFileSync } from 'node:fs';
import { catalog } from '../../src/catalog/catalog.js';
import type { Catalog } from '../../src/catalog/schema.js';
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
