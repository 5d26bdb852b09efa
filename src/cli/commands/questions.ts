// `questions`: the question data as users and scripts see it.
import { catalog } from '../../catalog/catalog.js';
import { renderJson } from '../../render/json.js';
import { questionList } from '../../schema/question-list.js';
import type { Io } from '../io.js';

export function renderQuestions(list = questionList(catalog)): string {
  const out: string[] = [];
  for (const q of list) {
    const def = Array.isArray(q.default) ? q.default.join(',') || '(none)' : q.default;
    out.push(`${q.flag} ${q.multi ? '<list>' : '<value>'}   (${q.id})`);
    out.push(`  ${q.prompt} ${q.help}`);
    out.push(`  values: ${q.choices.map((c) => c.value).join(', ')}${q.multi ? ` (comma-separated${q.allowEmpty ? ', may be empty' : ''})` : ''}; default: ${def}`);
    out.push(`  in a team: ${q.combine.text}`);
    if (q.askedWhen) out.push(`  asked when: ${Object.entries(q.askedWhen).map(([k, v]) => `${k} is ${v.join(' or ')}`).join('; ')}`);
    out.push('');
  }
  return out.join('\n');
}

export async function runQuestions(opts: { json?: boolean }, io: Io): Promise<void> {
  io.stdout.write(opts.json ? renderJson(questionList(catalog)) : renderQuestions());
}
