// The one prompt adapter: renders questions with @inquirer/prompts on standard error, so
// standard output stays clean for the result. Loaded only when a prompt will really be shown.
import { checkbox, select } from '@inquirer/prompts';
import type { Catalog, Question } from '../catalog/schema.js';
import type { Io } from '../cli/io.js';
import type { AnswerValue, Prompter } from './resolve.js';

export function createPrompter(_catalog: Catalog, io: Io): Prompter {
  const context = { input: io.stdin, output: process.stderr, clearPromptOnDone: false };
  return {
    async ask(q: Question, { index, total, current }): Promise<AnswerValue> {
      const message = `(${index}/${total}) ${q.prompt}`;
      if (q.type === 'multi') {
        const have = new Set(Array.isArray(current) ? current : [current]);
        return checkbox(
          {
            message,
            choices: q.choices.map((c) => ({ name: c.label, value: c.value, checked: have.has(c.value) })),
            required: !q.allowEmpty,
            instructions: ` ${q.help} (space to toggle, enter to accept)`,
          },
          context,
        );
      }
      return select(
        {
          message,
          choices: q.choices.map((c) => ({ name: c.label, value: c.value, description: q.help })),
          default: current,
        },
        context,
      );
    },
  };
}
