// The engine's hot loops exist twice (kernel.wat and kernel.ts): the WebAssembly one runs, the
// JavaScript one stands in where WebAssembly is missing. Both must give the same results to the
// last bit, and the decider built on them must decide as the full engine does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { buildContext, buildCore } from '../../src/engine/context.js';
import { decider } from '../../src/engine/decider.js';
import { KernelSpace, pruneJs, pruneWasm, sampleJs, sampleWasm, type SamplerInput } from '../../src/engine/kernel.js';
import { decideTools } from '../../src/engine/score.js';
import { sensitivity } from '../../src/engine/sensitivity.js';
import { answersArb } from '../helpers/answers.js';
import { withDefaults } from '../helpers/catalog.js';

const samplerInputArb: fc.Arbitrary<SamplerInput> = fc
  .record({ n: fc.integer({ min: 1, max: 21 }), singles: fc.integer({ min: 0, max: 5 }), stacks: fc.integer({ min: 0, max: 11 }) })
  .filter(({ singles, stacks }) => singles + stacks > 0)
  .chain(({ n, singles, stacks }) => {
    const rows = singles + stacks;
    const weight = fc.double({ min: 0.001, max: 0.3, noNaN: true });
    return fc.record({
      n: fc.constant(n),
      nRows: fc.constant(rows),
      nSingles: fc.constant(singles),
      base: fc.array(weight, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a)),
      m: fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: n * rows, maxLength: n * rows }).map((a) => Float64Array.from(a)),
      fixed: fc.array(fc.double({ min: -5, max: 40, noNaN: true }), { minLength: rows, maxLength: rows }).map((a) => Float64Array.from(a)),
      live: fc.array(fc.constantFrom(0, 1, 1, 1), { minLength: rows, maxLength: rows }).map((a) => Uint8Array.from(a)),
      samples: fc.integer({ min: 0, max: 300 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      lo: fc.double({ min: 0.1, max: 1, noNaN: true }),
      span: fc.double({ min: 0, max: 1.5, noNaN: true }),
      margin: fc.double({ min: 0, max: 5, noNaN: true }),
      baselineRow: fc.integer({ min: -1, max: rows - 1 }),
    });
  });

describe('the kernel', () => {
  it('has WebAssembly here, so the tests below compare two different loops', () => {
    expect(new KernelSpace().usesWasm).toBe(true);
    expect(new KernelSpace(false).usesWasm).toBe(false);
  });

  it('samples in WebAssembly exactly as in JavaScript, for any input', () => {
    fc.assert(
      fc.property(samplerInputArb, (input) => {
        const wasm = sampleWasm(input)!;
        const js = sampleJs(input);
        expect(wasm.same).toBe(js.same);
        expect([...wasm.firstCount]).toEqual([...js.firstCount]);
      }),
      { numRuns: 300 },
    );
  });

  it('prunes in WebAssembly exactly as in JavaScript, for any input', () => {
    let pruned = 0;
    fc.assert(
      fc.property(samplerInputArb, fc.double({ min: 1, max: 2, noNaN: true }), (input, hi) => {
        const x = { ...input, hi };
        const js = pruneJs(x);
        expect([...pruneWasm(x)!]).toEqual([...js]);
        pruned += js.length - js.reduce((a, b) => a + b, 0);
      }),
      { numRuns: 400 },
    );
    // The inputs must make it prune, not only keep everything.
    expect(pruned).toBeGreaterThan(100);
  });

  it('gives the same sensitivity with either loop, for random teams', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 0, max: 2 ** 31 }), (a, seed) => {
        const ctx = buildContext(a, catalog);
        const baseline = decideTools(ctx);
        const opts = { samples: 200, seed, spread: 0.5 };
        expect(sensitivity(ctx, baseline, opts, (x) => sampleWasm(x)!)).toEqual(sensitivity(ctx, baseline, opts, sampleJs));
      }),
      { numRuns: 100 },
    );
  });

  it('decides as the full engine does, in WebAssembly and in JavaScript, for random teams', () => {
    const wasm = decider(catalog);
    const js = decider(catalog, { wasm: false });
    fc.assert(
      fc.property(answersArb, (a) => {
        const want = decideTools(buildCore(a, catalog));
        expect(wasm(a)).toEqual(want);
        expect(js(a)).toEqual(want);
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

  it('grows its memory on demand, keeping what earlier regions hold', () => {
    for (const space of [new KernelSpace(), new KernelSpace(false)]) {
      const first = space.alloc(8 * 4);
      space.f64(first, 4).set([1.5, 2.5, 3.5, 4.5]);
      const big = space.alloc(200_000); // more than the first 64 KiB page
      space.f64(big, 25_000).fill(7);
      expect([...space.f64(first, 4)]).toEqual([1.5, 2.5, 3.5, 4.5]);
      expect(space.f64(big + 8 * 24_999, 1)[0]).toBe(7);
    }
  });
});
