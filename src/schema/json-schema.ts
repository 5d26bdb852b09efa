// The JSON Schema of `recommend --json`, generated from the zod schema that types the result so
// the two cannot drift apart. Objects stay open to new properties: schemaVersion 1 only ever
// grows by added fields, so a schema a pipeline pinned keeps validating newer output.
import { z } from 'zod';
import { resultSchema } from './result.js';

export const SCHEMA_TITLE = 'mlflow-advisor recommend --json output';

export function outputJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(resultSchema, {
    target: 'draft-2020-12',
    override: (ctx) => {
      const node = ctx.jsonSchema as Record<string, unknown>;
      if (node.additionalProperties === false) delete node.additionalProperties;
    },
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    title: SCHEMA_TITLE,
    description:
      'One recommendation. schemaVersion 1 changes only by added fields; anything else bumps schemaVersion. ' +
      'Sources are seed:ID (a claim of the source article digest) or https:// URLs. ' +
      'recommend --format table, markdown and html render this same object.',
    ...rest,
  };
}
