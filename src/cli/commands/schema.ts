// `schema`: the JSON Schema of recommend's --json output, generated from the zod schema that
// types the result (at build time: see scripts/build.mjs; the published files hold no zod).
import type { Io } from '../io.js';

export async function runSchema(io: Io): Promise<void> {
  const { outputJsonSchema } = await import('../../schema/json-schema.js');
  io.stdout.write(JSON.stringify(outputJsonSchema(), null, 2) + '\n');
}
