// The questions as `questions --json` prints them and the library exports them: one flat,
// self-describing entry per question, derived from the question data.
import type { Catalog } from '../catalog/schema.js';
import { flagOf } from '../catalog/flags.js';

export interface QuestionInfo {
  /** The key in answers files, the library's answers object and the JSON `answers`. */
  id: string;
  /** The command-line flag: `--` + the id in kebab case. */
  flag: string;
  /** A few words naming the answer ("team size"). */
  label: string;
  prompt: string;
  help: string;
  /** Whether the answer is a list (comma-separated on the command line). */
  multi: boolean;
  /** Multi-valued only: whether an empty list is a valid answer. */
  allowEmpty: boolean;
  /** `help`: one line on what the choice means (absent only where the data has none). */
  choices: { value: string; label: string; help?: string }[];
  default: string | string[];
  /** Asked only when every listed question has one of the listed values; null: always asked. */
  askedWhen: Record<string, string[]> | null;
  /** Team mode: how several members' answers combine (median, agree, union, plurality). */
  combine: { rule: string; label: string; text: string };
}

export function questionList(catalog: Catalog): QuestionInfo[] {
  return catalog.questions.map((q) => ({
    id: q.id,
    flag: flagOf(q),
    label: q.label,
    prompt: q.prompt,
    help: q.help,
    multi: q.type === 'multi',
    allowEmpty: q.type === 'multi' && q.allowEmpty === true,
    choices: q.choices.map((c) => ({ value: c.value, label: c.label, ...(c.help ? { help: c.help } : {}) })),
    default: Array.isArray(q.default) ? [...q.default] : q.default,
    askedWhen: q.askWhen ? structuredClone(q.askWhen) : null,
    combine: { rule: catalog.team.rules[q.id]!, ...catalog.team.ruleTexts[catalog.team.rules[q.id]!]! },
  }));
}
