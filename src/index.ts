// The library API: the same engine, catalog and renderers the CLI uses.
//   import { recommend, questions, catalog } from 'mlflow-advisor';
// It loads no command-line code and no zod.
import { catalog as builtIn } from './catalog/catalog.js';
import type { Catalog } from './catalog/schema.js';
import { recommend as recommendWith, type RecommendOptions } from './engine/recommend.js';
import type { Answers } from './engine/types.js';
import { answersFromObject } from './questionnaire/resolve.js';
import { defaults } from './questionnaire/questions.js';
import { renderHtml as htmlOf } from './render/html.js';
import { renderMarkdown as markdownOf } from './render/markdown.js';
import { recommendTeam as teamOf } from './team/team.js';
import type { AnswersInput } from './schema/answers-input.js';
import { questionList, type QuestionInfo } from './schema/question-list.js';
import type { Result } from './schema/result.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The built-in catalog (tools, criteria, ratings with sources, questions, model); read-only. */
export const catalog: Readonly<Catalog> = deepFreeze(builtIn);

/** Every question, as `mlflow-advisor questions --json` prints it; read-only. */
export const questions: readonly QuestionInfo[] = deepFreeze(questionList(builtIn));

/**
 * Recommends for a partial set of answers by question id (flag names such as `team-size` work
 * too); the rest take their defaults and are listed in `defaulted`. Returns the object that
 * `mlflow-advisor recommend --json` prints, as a fresh copy the caller may change. Unknown keys
 * and values outside the choices throw an InputError that names them.
 */
export function recommend(answers: AnswersInput = {}, options: Omit<RecommendOptions, 'defaulted'> = {}): Result {
  const given = answersFromObject(answers, 'answers', builtIn);
  const full: Answers = defaults(builtIn);
  for (const q of builtIn.questions) if (given[q.id] !== undefined) full[q.id] = given[q.id]!;
  const defaulted = builtIn.questions.filter((q) => given[q.id] === undefined).map((q) => q.id);
  return structuredClone(recommendWith(full, builtIn, { ...options, defaulted }));
}

/** One member of a team: a name and that member's answers (partial, by question id or flag name). */
export interface TeamMemberInput {
  name: string;
  answers: AnswersInput;
}

/**
 * The team's recommendation from several members' answers (`recommend --answers A --answers B`):
 * answers combine question by question by the rule `questions` lists (`combine`), `flags` apply to
 * every member, and the result gains a `team` section (members' own advice, disagreements, and
 * whether each would change the advice). Names must be unique; bad answers throw an InputError.
 */
export function recommendTeam(
  members: readonly TeamMemberInput[],
  options: Omit<RecommendOptions, 'defaulted'> & { flags?: AnswersInput } = {},
): Result {
  const { flags, ...rest } = options;
  const parsed = members.map((m, i) => ({ name: m.name, answers: answersFromObject(m.answers, `members[${i}] (${m.name})`, builtIn) }));
  return structuredClone(teamOf(parsed, builtIn, { ...rest, flags: flags ? answersFromObject(flags, 'flags', builtIn) : {} }));
}

/** The decision record `recommend --format markdown` prints; `answersFile` (one, or one per member) is named in its CI line. */
export function renderMarkdown(result: Result, options: { date?: Date; answersFile?: string | readonly string[] } = {}): string {
  return markdownOf(result, builtIn, options.date, options.answersFile);
}

/** The self-contained HTML report `recommend --format html` prints. */
export function renderHtml(result: Result, options: { date?: Date } = {}): string {
  return htmlOf(result, builtIn, options.date);
}

export { renderJson } from './render/json.js';
export { AdvisorError, InputError, ExpectationError, InterruptedError } from './errors.js';
export { TOOL_IDS, type ToolId } from './catalog/ids.js';
export { CORE_CHOICES, type AnswersInput, type QuestionId } from './schema/answers-input.js';
export type { Catalog, Question, Tool, Criterion } from './catalog/schema.js';
export type { Answers } from './engine/types.js';
export type { RecommendOptions } from './engine/recommend.js';
export type { QuestionInfo } from './schema/question-list.js';
export type { TeamSection } from './schema/result.js';
export type { Result, RankedTool, Combination, Flip, Reason, BreakdownItem, RoadmapStage, NextStep } from './schema/result.js';
