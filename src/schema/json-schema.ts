import { z } from 'zod';
import { resultSchema } from './result.js';

export function outputJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(resultSchema, { target: 'draft-2020-12' }),
    title: 'mlflow-advisor recommend --json output',
  };
}
