// `schema [output|catalog]`: the JSON Schema of recommend's --json output, generated from the zod
// schema that types the result (at build time: see scripts/build.mjs), or of a --catalog file,
// derived from the built-in tool schema (dist/catalog.cjs, with the catalog checks).
import { InputError } from '../../errors.js';
import { didYouMean } from '../../util/suggest.js';
import type { Io } from '../io.js';

const DOCUMENTS = ['output', 'catalog'] as const;

export async function runSchema(io: Io, document = 'output'): Promise<void> {
  const which = document.trim().toLowerCase();
  if (which === 'catalog') {
    const { catalogJsonSchema } = await import('../../catalog/overlay.js');
    io.stdout.write(JSON.stringify(catalogJsonSchema(), null, 2) + '\n');
    return;
  }
  if (which !== 'output') throw new InputError(`schema: unknown document "${document}"; use one of: ${DOCUMENTS.join(', ')}.${didYouMean(which, DOCUMENTS)}`);
  const { outputJsonSchema } = await import('../../schema/json-schema.js');
  io.stdout.write(JSON.stringify(outputJsonSchema(), null, 2) + '\n');
}
