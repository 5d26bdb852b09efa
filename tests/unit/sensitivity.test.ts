// The sampling loop is written for speed (flat arrays, pruning of rows that can never win);
// it must agree exactly with the plain decision rule applied to each sampled weighting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import type { ToolId } from '../../src/catalog/ids.js';
import { buildContext } from '../../src/engine/context.js';
import { seededRandom } from '../helpers/random.js';
import { decideTools, scoreStack } from '../../src/engine/score.js';
import { sensitivity } from '../../src/engine/sensitivity.js';
import type { Context } from '../../src/engine/types.js';
import { answersArb } from '../helpers/answers.js';
import { withDefaults } from '../helpers/catalog.js';

function naive(ctx: Context, baseline: ToolId[], samples: number, seed: number, spread: number) {
  const rand = seededRandom(seed);
  let same = 0;
  const first: Record<string, number> = {};
  for (let k = 0; k < samples; k++) {
    const w = ctx.weights.map((x) => (x > 0 ? x * (1 - spread + 2 * spread * rand()) : 0));
    const total = w.reduce((a, b) => a + b, 0);
    const norm = w.map((x) => x / total);
    if (decideTools(ctx, norm).join() === baseline.join()) same++;
    let top: ToolId | undefined;
    let topScore = -Infinity;
    for (const t of ctx.tools) {
      if (ctx.excluded.has(t)) continue;
      const score = scoreStack([t], ctx, norm).score;
      if (score > topScore) [top, topScore] = [t, score];
    }
    if (top) first[top] = (first[top] ?? 0) + 1;
  }
  return { confidence: same / samples, first };
}

describe('sensitivity', () => {
  it.each([
    [{}],
    [{ tracking: 'essential', orchestration: 'complex', teamSize: 'medium', opsExpertise: 'intermediate' }],
    [{ kubernetes: 'production', opsExpertise: 'expert', teamSize: 'large', needs: ['model-serving', 'distributed-training'] }],
    [{ existingTools: ['airflow'], tracking: 'essential', workloads: ['data-engineering', 'llm-genai'] }],
    [{ languages: ['r'], teamSize: 'solo', opsExpertise: 'none', budget: 'minimal' }],
  ])('agrees with the plain rule for %j', (answers) => {
    const ctx = buildContext(withDefaults(answers), catalog);
    const baseline = decideTools(ctx);
    const fast = sensitivity(ctx, baseline, { samples: 400, seed: 11, spread: 0.5 });
    const slow = naive(ctx, baseline, 400, 11, 0.5);
    expect(fast.confidence).toBeCloseTo(slow.confidence, 10);
    for (const t of ctx.tools) expect(fast.firstChance[t]).toBeCloseTo((slow.first[t] ?? 0) / 400, 10);
  });

  it('agrees with the plain rule for random teams', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 1, max: 2 ** 31 }), (a, seed) => {
        const ctx = buildContext(a, catalog);
        const baseline = decideTools(ctx);
        const fast = sensitivity(ctx, baseline, { samples: 150, seed, spread: 0.5 });
        const slow = naive(ctx, baseline, 150, seed, 0.5);
        expect(fast.confidence).toBeCloseTo(slow.confidence, 10);
        for (const t of ctx.tools) expect(fast.firstChance[t]).toBeCloseTo((slow.first[t] ?? 0) / 150, 10);
      }),
      { numRuns: 150 },
    );
  });

  it('reads 1 when no weighting changes the advice, and less when the call is close', () => {
    const clear = buildContext(withDefaults({ tracking: 'essential', orchestration: 'none', budget: 'minimal', priority: 'cost' }), catalog);
    expect(sensitivity(clear, decideTools(clear), { samples: 500, seed: 3, spread: 0.5 }).confidence).toBeGreaterThan(0.95);
    const close = buildContext(withDefaults(), catalog);
    expect(sensitivity(close, decideTools(close), { samples: 500, seed: 3, spread: 0.5 }).confidence).toBeLessThan(0.95);
  });
});
