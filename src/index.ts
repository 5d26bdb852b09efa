// The library API: the same engine and catalog the CLI renders.
//   import { recommend, questions, catalog } from 'mlflow-advisor';
import { catalog } from './catalog/catalog.js';
import type { Catalog, Question } from './catalog/schema.js';
import { recommend as recommendWith, type RecommendOptions } from './engine/recommend.js';
import type { Answers } from './engine/types.js';
import { answersFromObject } from './questionnaire/resolve.js';
import { defaults } from './questionnaire/questions.js';
import type { Result } from './schema/result.js';

export { catalog };
export const questions: readonly Question[] = catalog.questions;

/**
 * Recommends for a partial set of answers (by question id); the rest take their defaults and
 * are listed in `defaulted`. Invalid keys or values throw an InputError naming them.
 */
export function recommend(answers: Record<string, unknown> = {}, options: Omit<RecommendOptions, 'defaulted'> = {}): Result {
  const given = answersFromObject(answers, 'answers', catalog);
  const full: Answers = { ...defaults(catalog) };
  for (const q of catalog.questions) if (given[q.id] !== undefined) full[q.id] = given[q.id]!;
  const defaulted = catalog.questions.filter((q) => given[q.id] === undefined).map((q) => q.id);
  return recommendWith(full, catalog, { ...options, defaulted });
}

export { AdvisorError, InputError, ExpectationError, InterruptedError } from './errors.js';
export { TOOL_IDS } from './catalog/schema.js';
export type { ToolId, Catalog, Question, Tool, Criterion } from './catalog/schema.js';
export type { Answers } from './engine/types.js';
export type { RecommendOptions } from './engine/recommend.js';
export type { Result, RankedTool, Combination, Flip, Reason, BreakdownItem, RoadmapStage, NextStep } from './schema/result.js';

