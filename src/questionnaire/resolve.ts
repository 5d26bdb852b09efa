// One resolver, one order: flags > answers file > prompts > defaults. Every value from outside
// is checked against the question's choices here, whatever its origin.
import type { Catalog, Question } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { InputError } from '../errors.js';
import { quote } from '../util/quote.js';
import { closest, didYouMean } from '../util/suggest.js';
import { BACK } from './back.js';
import { applies, choiceValues, defaults, kebab } from './questions.js';

export { BACK } from './back.js';

export type AnswerValue = string | string[];
export type AnswerOrigin = 'flag' | 'file' | 'prompt' | 'default';

const allowedList = (q: Question) => choiceValues(q).join(', ');

/** Checks one raw value (a flag's string, or a file's string or array) against a question's choices. */
export function parseValue(q: Question, raw: unknown, where: string): AnswerValue {
  const allowed = choiceValues(q);
  if (q.type === 'single') {
    if (typeof raw !== 'string') {
      throw new InputError(`${where}: expected one of ${allowedList(q)}, got ${describe(raw)}.`);
    }
    // Values are lower case; `AWS` means aws, as `explain MLflow` means mlflow.
    const v = raw.trim().toLowerCase();
    if (!allowed.includes(v)) {
      throw new InputError(`${where}: ${quote(raw)} is not allowed; use one of: ${allowedList(q)}.${didYouMean(v, allowed)}`);
    }
    return v;
  }
  let items: unknown[];
  if (typeof raw === 'string') items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  else if (Array.isArray(raw)) items = raw;
  else throw new InputError(`${where}: expected a list of ${allowedList(q)}, got ${describe(raw)}.`);
  const picked = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'string') {
      throw new InputError(`${where}: list items must be strings from ${allowedList(q)}, got ${describe(item)}.`);
    }
    const v = item.trim().toLowerCase();
    if (!allowed.includes(v)) {
      throw new InputError(`${where}: ${quote(item)} is not allowed; use any of: ${allowedList(q)}.${didYouMean(v, allowed)}`);
    }
    picked.add(v);
  }
  if (picked.size === 0 && !q.allowEmpty) {
    throw new InputError(`${where}: needs at least one of: ${allowedList(q)}.`);
  }
  return allowed.filter((v) => picked.has(v));
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return quote(v);
  return `${typeof v} ${String(v)}`;
}

/**
 * Answers from a parsed JSON document (an answers file). Keys are question ids (`teamSize`) or
 * their flag names (`team-size`); the result has no prototype, so `__proto__` keys cannot pollute.
 */
export function answersFromObject(doc: unknown, where: string, catalog: Catalog, expected = 'a JSON object of answers by question id (like {"teamSize": "small"})'): Partial<Answers> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`${where}: expected ${expected}, got ${describe(doc)}.`);
  }
  const byKey = new Map<string, Question>();
  for (const q of catalog.questions) {
    byKey.set(q.id, q);
    byKey.set(kebab(q.id), q);
  }
  const out: Partial<Answers> = Object.create(null) as Partial<Answers>;
  const seen = new Map<string, string>();
  for (const key of Object.keys(doc)) {
    const q = byKey.get(key);
    if (!q) {
      const ids = catalog.questions.map((x) => x.id);
      const hint = closest(key, [...byKey.keys()]);
      throw new InputError(
        `${where}: unknown key ${quote(key)}.${hint ? ` Did you mean "${byKey.get(hint)!.id}"?` : ''} Known keys: ${ids.join(', ')}.`,
      );
    }
    // `teamSize` and `team-size` in one file: which one wins would be a silent guess.
    if (seen.has(q.id)) throw new InputError(`${where}: ${quote(seen.get(q.id)!)} and ${quote(key)} both answer ${q.id}; keep one.`);
    seen.set(q.id, key);
    out[q.id] = parseValue(q, (doc as Record<string, unknown>)[key], `${where}: ${q.id}`);
  }
  return out;
}


export interface Progress {
  /** The question's place among the questions this run may ask, and their number: fixed for the run. */
  index: number;
  total: number;
  current: AnswerValue;
  /** Whether there is an earlier question to go back to. */
  canGoBack: boolean;
  /** Questions passed over just before this one because they do not apply to the answers so far. */
  skipped: Question[];
}

/** Asks one question; the CLI passes an inquirer-backed prompter, tests pass a fake. */
export interface Prompter {
  /** The answer, or BACK to go to the previous question. */
  ask(q: Question, progress: Progress): Promise<AnswerValue | typeof BACK>;
  /**
   * Shown once every answer is known, when something was asked; returns the final answers and
   * their origins (a changed answer becomes 'prompt', one that no longer applies 'default').
   */
  review?(answers: Answers, origins: Record<string, AnswerOrigin>): Promise<{ answers: Answers; origins: Record<string, AnswerOrigin> }>;
}

export interface Resolved {
  answers: Answers;
  /** Ids that took their default (not given, not asked). */
  defaulted: string[];
  origins: Record<string, AnswerOrigin>;
}

/**
 * The questions a run may ask, in order: those not given that could still apply. One whose
 * condition rests only on given answers that rule it out is not counted, so the total is known
 * at the start and stays put; one that turns out not to apply is passed over by number.
 */
function askable(catalog: Catalog, given: Answers): Question[] {
  const couldHold = (id: string, values: string[]) => {
    const v = given[id];
    return v === undefined || (Array.isArray(v) ? v.some((x) => values.includes(x)) : values.includes(v));
  };
  return catalog.questions.filter((q) => !(q.id in given) && Object.entries(q.askWhen ?? {}).every(([id, values]) => couldHold(id, values)));
}

export async function resolveAnswers(
  catalog: Catalog,
  given: { flags?: Partial<Answers>; file?: Partial<Answers> },
  prompter?: Prompter,
): Promise<Resolved> {
  let answers: Answers = {};
  let origins: Record<string, AnswerOrigin> = {};
  for (const q of catalog.questions) {
    const flag = given.flags?.[q.id];
    const file = given.file?.[q.id];
    if (flag !== undefined) [answers[q.id], origins[q.id]] = [flag, 'flag'];
    else if (file !== undefined) [answers[q.id], origins[q.id]] = [file, 'file'];
  }
  const fill = (q: Question) => {
    answers[q.id] = Array.isArray(q.default) ? [...q.default] : q.default;
    origins[q.id] = 'default';
  };
  let asked = 0;
  if (prompter) {
    const pending = askable(catalog, answers);
    // Asked ids in order, for going back; earlier answers stay pre-selected when asked again.
    const history: string[] = [];
    const earlier: Answers = {};
    for (;;) {
      const known = { ...defaults(catalog), ...answers };
      const at = pending.findIndex((q) => !(q.id in answers) && applies(q, known));
      if (at < 0) break;
      const q = pending[at]!;
      const from = history.length ? pending.findIndex((x) => x.id === history.at(-1)) + 1 : 0;
      const skipped = pending.slice(from, at);
      const answer = await prompter.ask(q, { index: at + 1, total: pending.length, current: earlier[q.id] ?? q.default, canGoBack: history.length > 0, skipped });
      if (answer === BACK) {
        const previous = history.pop();
        if (previous !== undefined) {
          earlier[previous] = answers[previous]!;
          delete answers[previous];
          delete origins[previous];
        }
        continue;
      }
      answers[q.id] = answer;
      origins[q.id] = 'prompt';
      history.push(q.id);
    }
    asked = history.length;
  }
  for (const q of catalog.questions) if (!(q.id in answers)) fill(q);
  // Nothing asked (every answer given): nothing to review.
  if (prompter?.review && asked > 0) ({ answers, origins } = await prompter.review({ ...answers }, { ...origins }));
  const ordered: Answers = {};
  for (const q of catalog.questions) ordered[q.id] = answers[q.id]!;
  return {
    answers: ordered,
    defaulted: catalog.questions.filter((q) => origins[q.id] === 'default').map((q) => q.id),
    origins,
  };
}
