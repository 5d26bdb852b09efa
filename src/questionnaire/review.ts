// The review step before scoring: every answer that counts, with where it came from. The user may
// change any one; a change can bring in a follow-up question (Kubernetes skill once Kubernetes is
// planned) or make an asked one moot (it goes back to its default, as if never asked).
import type { Catalog, Question } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { applies } from './questions.js';
import type { AnswerOrigin, AnswerValue } from './resolve.js';

export interface ReviewLine {
  id: string;
  /** `Team size` */
  label: string;
  /** `2-5 people`, or `Python, R`, or `none` */
  value: string;
  origin: AnswerOrigin;
}

export interface Reviewed {
  answers: Answers;
  origins: Record<string, AnswerOrigin>;
}

/** What the review needs from a screen; the prompter renders it, tests fake it. */
export interface ReviewUi {
  /** Lists the answers; resolves to the id of the one to change, or undefined to accept them all. */
  pick(lines: ReviewLine[]): Promise<string | undefined>;
  /** Asks one question again with its current answer pre-selected. */
  ask(q: Question, current: AnswerValue, reason: 'change' | 'follow-up'): Promise<AnswerValue>;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An answer in the words of its choices: `2-5 people`, `Python, R`, `none`. */
export function valueLabel(q: Question, value: AnswerValue): string {
  const labelOf = (v: string) => q.choices.find((c) => c.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(labelOf).join(', ');
  return labelOf(value);
}

/** The answers worth showing: those whose question applies, and any given outright (flag or file). */
export function reviewLines(catalog: Catalog, answers: Answers, origins: Record<string, AnswerOrigin>): ReviewLine[] {
  return catalog.questions
    .filter((q) => q.id in answers && (applies(q, answers) || origins[q.id] === 'flag' || origins[q.id] === 'file'))
    .map((q) => ({ id: q.id, label: capitalise(q.label), value: valueLabel(q, answers[q.id]!), origin: origins[q.id] ?? 'default' }));
}

export async function reviewAnswers(
  catalog: Catalog,
  answers: Answers,
  origins: Record<string, AnswerOrigin>,
  ui: ReviewUi,
): Promise<Reviewed> {
  const a: Answers = { ...answers };
  const o: Record<string, AnswerOrigin> = { ...origins };
  for (;;) {
    const id = await ui.pick(reviewLines(catalog, a, o));
    if (id === undefined) return { answers: a, origins: o };
    const q = catalog.questions.find((x) => x.id === id);
    if (!q) continue;
    const before = new Set(catalog.questions.filter((x) => applies(x, a)).map((x) => x.id));
    a[q.id] = await ui.ask(q, a[q.id] ?? q.default, 'change');
    o[q.id] = 'prompt';
    // In question order, as the first pass asked them: newly relevant questions are asked now,
    // asked ones that no longer apply fall back to their default.
    for (const x of catalog.questions) {
      const now = applies(x, a);
      if (now && !before.has(x.id) && o[x.id] === 'default') {
        a[x.id] = await ui.ask(x, a[x.id] ?? x.default, 'follow-up');
        o[x.id] = 'prompt';
      } else if (!now && before.has(x.id) && o[x.id] === 'prompt') {
        a[x.id] = Array.isArray(x.default) ? [...x.default] : x.default;
        o[x.id] = 'default';
      }
    }
  }
}
