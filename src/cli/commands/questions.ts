// `questions`: the question data as users and scripts see it.
import { catalog } from '../../catalog/catalog.js';
import { flagOf } from '../../questionnaire/questions.js';
import { renderJson } from '../../render/json.js';
import type { Io } from '../io.js';

export function questionList() {
  return catalog.questions.map((q) => ({
    id: q.id,
    flag: flagOf(q),
    prompt: q.prompt,
    help: q.help,
    multi: q.type === 'multi',
    choices: q.choices,
    default: q.default,
    askedWhen: q.askWhen ?? null,
  }));
}

export async function runQuestions(opts: { json?: boolean }, io: Io): Promise<void> {
  const list = questionList();
  if (opts.json) {
    io.stdout.write(renderJson(list));
    return;
  }
  const out: string[] = [];
  for (const q of list) {
    const def = Array.isArray(q.default) ? q.default.join(',') || '(none)' : q.default;
    out.push(`${q.flag} ${q.multi ? '<list>' : '<value>'}   (${q.id})`);
    out.push(`  ${q.prompt} ${q.help}`);
    out.push(`  values: ${q.choices.map((c) => c.value).join(', ')}${q.multi ? ' (comma-separated)' : ''}; default: ${def}`);
    if (q.askedWhen) out.push(`  asked when: ${Object.entries(q.askedWhen).map(([k, v]) => `${k} is ${v.join(' or ')}`).join('; ')}`);
    out.push('');
  }
  io.stdout.write(out.join('\n'));
}
