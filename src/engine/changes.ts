// Single-answer changes: what the advice would be if one answer were different. Flips are the
// smallest such changes that alter the advice.
import type { Catalog, Question, ToolId } from '../catalog/schema.js';
import { has } from './answer-values.js';
import type { Answers } from './types.js';

export interface AnswerChange {
  question: string;
  value: string | string[];
  /** How far the change is from the current answer (1 = a neighbouring choice or one item toggled). */
  distance: number;
}

export function alternatives(q: Question, current: string | string[] | undefined): AnswerChange[] {
  // Plain loops: flips list these for every question, once per run, in V8's interpreter.
  const out: AnswerChange[] = [];
  const choices = q.choices;
  if (q.type === 'multi') {
    const have = Array.isArray(current) ? current : [];
    for (let i = 0; i < choices.length; i++) {
      const toggled = choices[i]!.value;
      const value: string[] = [];
      for (let k = 0; k < choices.length; k++) {
        const v = choices[k]!.value;
        if (v === toggled ? !have.includes(v) : have.includes(v)) value.push(v);
      }
      if (value.length === 0 && !q.allowEmpty) continue;
      out.push({ question: q.id, value, distance: 1 });
    }
    return out;
  }
  let at = -1;
  for (let i = 0; i < choices.length; i++) if (choices[i]!.value === String(current)) at = i;
  for (let i = 0; i < choices.length; i++) {
    if (i !== at) out.push({ question: q.id, value: choices[i]!.value, distance: q.ordinal ? Math.abs(i - at) : 1 });
  }
  return out;
}

export interface ChangeOutcome extends AnswerChange {
  tools: ToolId[];
}

/** Whether two lists of tools (neither repeats one) hold the same tools. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i]!)) return false;
  return true;
}

/** Whether the team is asked a question at all given its other answers (see `askWhen`). */
function asked(q: Question, answers: Answers): boolean {
  if (!q.askWhen) return true;
  return Object.entries(q.askWhen).every(([id, values]) => values.some((v) => has(answers[id], v)));
}

/**
 * Per question the team is asked, the nearest single-answer change that alters the recommended
 * tools (the first in choice order among equally near ones). Nearer changes are tried first, so
 * a question stops at its first flip. A question the team is not asked (Kubernetes skill without
 * Kubernetes) is no flip: changing it alone would not describe this team.
 */
export function smallestFlips(
  answers: Answers,
  catalog: Catalog,
  current: readonly ToolId[],
  decideTools: (a: Answers) => ToolId[],
): ChangeOutcome[] {
  const flips: ChangeOutcome[] = [];
  // One answer set, changed in place and put back, rather than a copy for each of a run's 30 to
  // 45 changes: recommendedTools reads the answers it is given and keeps nothing of them.
  const changed: Answers = { ...answers };
  for (const q of catalog.questions) {
    if (!asked(q, answers)) continue;
    const alts = alternatives(q, answers[q.id]).sort((a, b) => a.distance - b.distance);
    for (const alt of alts) {
      changed[q.id] = alt.value;
      const tools = decideTools(changed);
      if (!sameSet(tools, current)) {
        flips.push({ ...alt, tools });
        break;
      }
    }
    const before = answers[q.id];
    if (before === undefined) delete changed[q.id];
    else changed[q.id] = before;
  }
  return flips;
}
