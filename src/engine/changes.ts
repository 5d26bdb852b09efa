// Single-answer changes: what the advice would be if one answer were different. Flips are the
// smallest such changes that alter the advice.
import type { Catalog, Question, ToolId } from '../catalog/schema.js';
import type { Answers } from './types.js';

export interface AnswerChange {
  question: string;
  value: string | string[];
  /** How far the change is from the current answer (1 = a neighbouring choice or one item toggled). */
  distance: number;
}

export function alternatives(q: Question, current: string | string[] | undefined): AnswerChange[] {
  const values = q.choices.map((c) => c.value);
  if (q.type === 'multi') {
    const have = new Set(Array.isArray(current) ? current : []);
    const out: AnswerChange[] = [];
    for (const v of values) {
      const next = new Set(have);
      if (next.has(v)) next.delete(v);
      else next.add(v);
      if (next.size === 0 && !q.allowEmpty) continue;
      out.push({ question: q.id, value: values.filter((x) => next.has(x)), distance: 1 });
    }
    return out;
  }
  const at = values.indexOf(String(current));
  return values
    .map((v, i) => ({ v, i }))
    .filter(({ i }) => i !== at)
    .map(({ v, i }) => ({
      question: q.id,
      value: v,
      distance: q.ordinal ? Math.abs(i - at) : 1,
    }));
}

export interface ChangeOutcome extends AnswerChange {
  tools: ToolId[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Per question, the nearest single-answer change that alters the recommended tools (the first
 * in choice order among equally near ones). Nearer changes are tried first, so a question stops
 * at its first flip.
 */
export function smallestFlips(
  answers: Answers,
  catalog: Catalog,
  current: readonly ToolId[],
  decideTools: (a: Answers) => ToolId[],
): ChangeOutcome[] {
  const flips: ChangeOutcome[] = [];
  for (const q of catalog.questions) {
    const alts = alternatives(q, answers[q.id]).sort((a, b) => a.distance - b.distance);
    for (const alt of alts) {
      const tools = decideTools({ ...answers, [q.id]: alt.value });
      if (!sameSet(tools, current)) {
        flips.push({ ...alt, tools });
        break;
      }
    }
  }
  return flips;
}
