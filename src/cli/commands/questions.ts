// `questions`: the question data as users and scripts see it.
import { catalog } from '../../catalog/catalog.js';
import { catalogFromFlag } from '../catalog-files.js';
import { renderJson } from '../../render/json.js';
import { questionList } from '../../schema/question-list.js';
import { wrap } from '../../render/wrap.js';
import type { Io } from '../io.js';

/** Every question with its flag, its choices in the questionnaire's words and its default, wrapped to `columns`. */
export function renderQuestions(columns: number, list = questionList(catalog)): string {
  const out: string[] = [];
  for (const q of list) {
    const defaults = Array.isArray(q.default) ? q.default : [q.default];
    out.push(...wrap(`${q.flag} ${q.multi ? '<list>' : '<value>'}   (${q.id})`, columns, '', '    '));
    out.push(...wrap(`${q.prompt} ${q.help}`, columns, '  '));
    if (q.multi) out.push(...wrap(`Comma-separated${q.allowEmpty ? '; may be empty' : ''}.${defaults.length ? '' : ' Default: none.'}`, columns, '  '));
    const width = Math.max(...q.choices.map((c) => c.value.length));
    for (const c of q.choices) {
      const mark = defaults.includes(c.value) ? ' (default)' : '';
      out.push(...wrap(`${c.label}${mark}${c.help ? ` — ${c.help}` : ''}`, columns, `  ${c.value.padEnd(width)}  `));
    }
    out.push(...wrap(`In a team: ${q.combine.text}`, columns, '  '));
    if (q.askedWhen) out.push(...wrap(`Asked when: ${Object.entries(q.askedWhen).map(([k, v]) => `${k} is ${v.join(' or ')}`).join('; ')}`, columns, '  '));
    out.push('');
  }
  return out.join('\n');
}

export async function runQuestions(opts: { json?: boolean; catalog?: string[] }, io: Io): Promise<void> {
  const list = questionList(await catalogFromFlag(opts.catalog));
  io.stdout.write(opts.json ? renderJson(list) : renderQuestions(io.columns, list));
}
