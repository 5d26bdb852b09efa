import type { Catalog, Question } from '../catalog/schema.js';

export { flagOf, kebab } from '../catalog/flags.js';

export const choiceValues = (q: Question) => q.choices.map((c) => c.value);

export function defaults(catalog: Catalog): Record<string, string | string[]> {
  return Object.fromEntries(catalog.questions.map((q) => [q.id, Array.isArray(q.default) ? [...q.default] : q.default]));
}

/** Whether a question applies given the answers so far (e.g. Kubernetes skill only with Kubernetes). */
export function applies(q: Pick<Question, 'askWhen'>, answers: Record<string, unknown>): boolean {
  if (!q.askWhen) return true;
  return Object.entries(q.askWhen).every(([id, values]) => {
    const v = answers[id];
    return Array.isArray(v) ? v.some((x) => values.includes(String(x))) : values.includes(String(v));
  });
}
