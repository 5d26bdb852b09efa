// What `explain` and `compare` show, as data: a tool's cited profile, and the tools side by side
// on every criterion. Renderers and commands both build on these.
import { catalog as builtIn } from './catalog.js';
import type { ToolId } from './ids.js';
import type { Catalog } from './schema.js';

export function toolProfile(id: ToolId, catalog: Catalog = builtIn) {
  const tool = catalog.tools.find((t) => t.id === id)!;
  const spread = catalog.model.sensitivity.ratingUncertainty;
  const named = (c: string) => catalog.criteria.find((x) => x.id === c)!.name;
  const ratings = catalog.criteria.map((c) => {
    const r = catalog.ratings[id]![c.id]!;
    return { criterion: c.id, name: c.name, ...r, uncertainty: r.uncertainty ?? spread };
  });
  // Each way of running the tool, with the ratings that differ from the tool's own.
  const targets = catalog.targets
    .filter((t) => t.tool === id)
    .map(({ ratings: own, onPlatform, ...t }) => ({
      ...t,
      ratings: Object.entries(own).map(([c, r]) => ({ criterion: c, name: named(c), ...r, uncertainty: r.uncertainty ?? spread })),
      ...(onPlatform ? { onPlatform: Object.entries(onPlatform).map(([c, r]) => ({ criterion: c, name: named(c), ...r, uncertainty: r.uncertainty ?? spread })) } : {}),
    }));
  return { ...tool, ratings, targets, factsCheckedAsOf: catalog.model.checkedAsOf };
}

export function comparison(catalog: Catalog = builtIn) {
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
      catalog: "catalog:NAME cites an organisation's own catalog file",
    },
  };
}

export type ToolProfile = ReturnType<typeof toolProfile>;
export type Comparison = ReturnType<typeof comparison>;
