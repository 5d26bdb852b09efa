// The library API: the same engine, catalog and renderers the CLI uses.
//   import { recommend, questions, catalog } from 'mlflow-advisor';
// Its code lives in the bundle the command line runs (src/bundle.ts), and runs none of the
// command line's; it loads no zod until the `catalog` option first needs the catalog checks.
import { catalog as builtIn } from './catalog/catalog.js';
import { toolIds } from './catalog/ids.js';
// Built as a file of its own that the library requires only when a catalog is given (zod).
import { withCatalogFiles } from './catalog/overlay.js';
import type { CatalogFile } from './catalog/schema.js';
import { InputError } from './errors.js';
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

/** Options of recommend() and recommendTeam(). */
export interface LibraryOptions extends Omit<RecommendOptions, 'defaulted'> {
  /**
   * Organisations' catalogs, applied in order to the built-in one: each an object in the format of
   * a --catalog file (tools to add, override, exclude; `mlflow-advisor schema catalog`).
   */
  catalog?: CatalogFile | readonly CatalogFile[];
}

const catalogs = new WeakMap<object, Catalog>();

/** The built-in catalog with the option's catalogs applied (the same objects give the same catalog). */
function catalogOf(option: LibraryOptions['catalog']): Catalog {
  if (option === undefined) return builtIn;
  const list = (Array.isArray(option) ? option : [option]) as CatalogFile[];
  if (list.length === 0) return builtIn;
  const key = list.length === 1 ? list[0]! : undefined;
  const cached = key && typeof key === 'object' ? catalogs.get(key) : undefined;
  if (cached) return cached;
  try {
    const cat = withCatalogFiles(builtIn, list.map((doc, i) => ({ doc, where: list.length === 1 ? 'catalog' : `catalog[${i}]` })));
    if (key && typeof key === 'object') catalogs.set(key, cat);
    return cat;
  } catch (e) {
    if (e instanceof Error && e.name === 'CatalogFileError') throw new InputError(e.message);
    throw e;
  }
}

/**
 * Recommends for a partial set of answers by question id (flag names such as `team-size` work
 * too); the rest take their defaults and are listed in `defaulted`. Returns the object that
 * `mlflow-advisor recommend --json` prints, as a fresh copy the caller may change. Unknown keys
 * and values outside the choices throw an InputError that names them.
 */
export function recommend(answers: AnswersInput = {}, options: LibraryOptions = {}): Result {
  const { catalog: files, ...rest } = options;
  const cat = catalogOf(files);
  const given = answersFromObject(answers, 'answers', cat);
  const full: Answers = defaults(cat);
  for (const q of cat.questions) if (given[q.id] !== undefined) full[q.id] = given[q.id]!;
  const defaulted = cat.questions.filter((q) => given[q.id] === undefined).map((q) => q.id);
  return structuredClone(recommendWith(full, cat, { ...rest, defaulted }));
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
  options: LibraryOptions & { flags?: AnswersInput } = {},
): Result {
  const { flags, catalog: files, ...rest } = options;
  const cat = catalogOf(files);
  const parsed = members.map((m, i) => ({ name: m.name, answers: answersFromObject(m.answers, `members[${i}] (${m.name})`, cat) }));
  return structuredClone(teamOf(parsed, cat, { ...rest, flags: flags ? answersFromObject(flags, 'flags', cat) : {} }));
}

/** The decision record `recommend --format markdown` prints; `answersFile` (one, or one per member) is named in its CI line. */
export function renderMarkdown(result: Result, options: { date?: Date; answersFile?: string | readonly string[]; catalog?: LibraryOptions['catalog'] } = {}): string {
  return markdownOf(result, catalogOf(options.catalog), options.date, options.answersFile);
}

/** The self-contained HTML report `recommend --format html` prints (pass the same `catalog` as to recommend()). */
export function renderHtml(result: Result, options: { date?: Date; catalog?: LibraryOptions['catalog'] } = {}): string {
  return htmlOf(result, catalogOf(options.catalog), options.date);
}

export { renderJson } from './render/json.js';
export { AdvisorError, InputError, ExpectationError, InterruptedError } from './errors.js';
/** The built-in catalog's tool ids (an organisation's catalog adds its own). */
export const TOOL_IDS: readonly string[] = Object.freeze(toolIds(builtIn));
export type { ToolId } from './catalog/ids.js';
export type { CatalogFile } from './catalog/schema.js';
export { CORE_CHOICES, type AnswersInput, type QuestionId } from './schema/answers-input.js';
export type { Catalog, Question, Tool, Criterion } from './catalog/schema.js';
export type { Answers } from './engine/types.js';
export type { RecommendOptions } from './engine/recommend.js';
export type { QuestionInfo } from './schema/question-list.js';
export type { TeamSection } from './schema/result.js';
export type { Result, RankedTool, Combination, Flip, Reason, BreakdownItem, RoadmapStage, NextStep } from './schema/result.js';
