// Words for answers, tools and changes, shared by the engine's reasons and the renderers.
import type { Catalog, ToolId } from '../catalog/schema.js';

export const round = (n: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export const percent = (share: number) => `${Math.round(share * 100)}%`;

export function toolName(catalog: Catalog, id: ToolId): string {
  return catalog.tools.find((t) => t.id === id)?.name ?? id;
}

export function stackName(catalog: Catalog, tools: readonly ToolId[]): string {
  return tools.map((t) => toolName(catalog, t)).join(' + ');
}

export function valueLabel(catalog: Catalog, question: string, value: string): string {
  const q = catalog.questions.find((x) => x.id === question);
  return q?.choices.find((c) => c.value === value)?.label ?? value;
}

export function answerText(catalog: Catalog, question: string, value: string | string[]): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => valueLabel(catalog, question, v)).join(', ') : '(none)';
  return valueLabel(catalog, question, value);
}

/** "Kubernetes usage: Yes, in production" or, for a list, what it adds or drops. */
export function changeText(
  catalog: Catalog,
  question: string,
  from: string | string[] | undefined,
  to: string | string[],
): string {
  const q = catalog.questions.find((x) => x.id === question);
  const label = q?.label ?? question;
  if (Array.isArray(to)) {
    const before = new Set(Array.isArray(from) ? from : []);
    const added = to.filter((v) => !before.has(v));
    const dropped = [...before].filter((v) => !to.includes(v));
    if (added.length) return `${label} include ${added.map((v) => `"${valueLabel(catalog, question, v)}"`).join(', ')}`;
    if (dropped.length) return `${label} no longer include ${dropped.map((v) => `"${valueLabel(catalog, question, v)}"`).join(', ')}`;
  }
  return `${label} is "${answerText(catalog, question, to)}"`;
}
