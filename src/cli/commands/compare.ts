// `compare`: the four tools side by side on every criterion.
import { catalog } from '../../catalog/catalog.js';
import { renderJson } from '../../render/json.js';
import { colourLevel } from '../../render/style.js';
import type { Io } from '../io.js';

export function comparison() {
  return {
    tools: catalog.tools.map((t) => ({ id: t.id, name: t.name, summary: t.summary })),
    criteria: catalog.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      kind: c.kind,
      ratings: Object.fromEntries(catalog.tools.map((t) => [t.id, catalog.ratings[t.id]![c.id]!])),
    })),
    legend: {
      seed: 'seed:ID cites a numbered claim of the source article digest (data/seed/digest.md); mlflow-advisor sources ID prints it',
      https: 'https:// links are official documentation',
    },
  };
}

export async function runCompare(opts: { json?: boolean }, io: Io): Promise<void> {
  const data = comparison();
  if (opts.json) {
    io.stdout.write(renderJson(data));
    return;
  }
  const { renderComparison } = await import('../../render/profile.js');
  io.stdout.write(renderComparison(data, { colour: colourLevel(io.env, io.stdoutIsTTY), columns: io.columns }));
}
