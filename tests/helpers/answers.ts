// Any answer set the questions allow, for property tests.
import fc from 'fast-check';
import { catalog } from '../../src/catalog/catalog.js';
import type { Answers } from '../../src/engine/types.js';

export const answersArb: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(
    catalog.questions.map((q) => {
      const values = q.choices.map((c) => c.value);
      const arb = q.type === 'multi' ? fc.subarray(values, { minLength: q.allowEmpty ? 0 : 1 }) : fc.constantFrom(...values);
      return [q.id, arb as fc.Arbitrary<string | string[]>];
    }),
  ),
) as fc.Arbitrary<Answers>;
