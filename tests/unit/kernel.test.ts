// The sensitivity sampler runs in WebAssembly (kernel.wat); the engine's TypeScript, which applies
// decideTools to each weighting, is the reference it must match to the last bit, and what samples
// where WebAssembly is missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { buildContext } from '../../src/engine/context.js';
import { sampleInWasm } from '../../src/engine/kernel.js';
import { decideTools } from '../../src/engine/score.js';
import { sensitivity } from '../../src/engine/sensitivity.js';
import { answersArb } from '../helpers/answers.js';

describe('the kernel', () => {
  it('has WebAssembly here, so the test below compares it with the TypeScript', () => {
    expect(sampleInWasm({ n: 1, nRows: 1, nSingles: 1, base: Float64Array.of(1), m: Float64Array.of(20), fixed: Float64Array.of(0), samples: 3, seed: 1, lo: 0.5, span: 1, margin: 1, baselineRow: 0 })).toEqual({ same: 3, firstCount: Float64Array.of(3) });
  });

  it('samples as the decision rule applied to each weighting does, for random teams', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(0.2, 0.5, 0.9), (a, seed, spread) => {
        const ctx = buildContext(a, catalog);
        const baseline = decideTools(ctx);
        const opts = { samples: 200, seed, spread };
        expect(sensitivity(ctx, baseline, opts)).toEqual(sensitivity(ctx, baseline, opts, () => undefined));
      }),
      { numRuns: 150 },
    );
  });
});
