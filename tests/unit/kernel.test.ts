// The engine's hot loops run in WebAssembly (kernel.wat); the engine's TypeScript is the reference
// they must match to the last bit, and what decides where WebAssembly is missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { buildContext, buildCore } from '../../src/engine/context.js';
import { decider } from '../../src/engine/decider.js';
import { kernelSpace } from '../../src/engine/kernel.js';
import { decideTools } from '../../src/engine/score.js';
import { sensitivity } from '../../src/engine/sensitivity.js';
import { answersArb } from '../helpers/answers.js';
import { withDefaults } from '../helpers/catalog.js';

describe('the kernel', () => {
  it('has WebAssembly here, so the tests below compare it with the TypeScript', () => {
    expect(kernelSpace()).toBeDefined();
  });

  it('decides as decideTools does, for random teams', () => {
    const d = decider(catalog);
    fc.assert(
      fc.property(answersArb, (a) => {
        expect(d(a)).toEqual(decideTools(buildCore(a, catalog)));
      }),
      { numRuns: 400 },
    );
  });

  it('decides for teams whose every tool is excluded or already run', () => {
    const d = decider(catalog);
    for (const answers of [
      withDefaults({ existingTools: ['airflow', 'kubeflow', 'metaflow', 'mlflow'] }),
      withDefaults({ kubernetes: 'none', opsExpertise: 'none', teamSize: 'solo' }),
      withDefaults({ existingTools: [], cloud: 'multi', budget: 'generous' }),
    ]) {
      expect(d(answers)).toEqual(decideTools(buildCore(answers, catalog)));
    }
  });

  it('samples as the decision rule applied to each weighting does, for random teams', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(0.2, 0.5, 0.9), (a, seed, spread) => {
        const ctx = buildContext(a, catalog);
        const baseline = decideTools(ctx);
        const opts = { samples: 200, seed, spread };
        expect(sensitivity(ctx, baseline, opts)).toEqual(sensitivity(ctx, baseline, opts, undefined));
      }),
      { numRuns: 100 },
    );
  });
});
