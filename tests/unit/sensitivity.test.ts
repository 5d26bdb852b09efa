// Confidence re-runs the advice's own rule under variations of the model: weights, ratings (each
// by up to its uncertainty), the stack penalty and the margin. These tests hold it to that.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { buildContext } from '../../src/engine/context.js';
import { decideTools } from '../../src/engine/score.js';
import { sensitivity } from '../../src/engine/sensitivity.js';
import type { Core } from '../../src/engine/types.js';
import { copyCatalog, withDefaults } from '../helpers/catalog.js';

const all = { samples: 400, seed: 7, spread: 0.5, penaltySpread: 0.5, marginSpread: 1 };
const none = { samples: 50, seed: 7, spread: 0, penaltySpread: 0, marginSpread: 0 };
/** The same core with every rating taken as exact. */
const exact = (ctx: Core): Core => ({
  ...ctx,
  options: Object.fromEntries(ctx.tools.map((t) => [t, ctx.options[t]!.map((o) => ({ ...o, spread: o.spread.map(() => 0) }))])) as Core['options'],
});

describe('sensitivity', () => {
  it('is reproducible for a seed, and within bounds', () => {
    const ctx = buildContext(withDefaults({ teamSize: 'medium' }), catalog);
    const base = decideTools(ctx);
    const a = sensitivity(ctx, base, all);
    expect(sensitivity(ctx, base, all)).toEqual(a);
    expect(a.confidence).toBeGreaterThanOrEqual(0);
    expect(a.confidence).toBeLessThanOrEqual(1);
    const open = ctx.tools.filter((t) => !ctx.excluded.has(t));
    expect(open.reduce((s, t) => s + a.firstChance[t]!, 0)).toBeCloseTo(1, 5);
    for (const t of ctx.tools.filter((x) => ctx.excluded.has(x))) expect(a.firstChance[t]).toBe(0);
  });

  it('reads 1 when nothing is varied: each sample runs the advice\'s own rule', () => {
    for (const answers of [{}, { tracking: 'essential', orchestration: 'complex', teamSize: 'medium' }, { kubernetes: 'production', cloud: 'gcp' }]) {
      const ctx = exact(buildContext(withDefaults(answers), catalog));
      expect(sensitivity(ctx, decideTools(ctx), none).confidence).toBe(1);
    }
  });

  it('doubts a recommendation that rests on debatable ratings more than one whose ratings are exact', () => {
    const answers = withDefaults({ cloud: 'aws' });
    const ctx = buildContext(answers, catalog);
    const base = decideTools(ctx);
    const weightsOnly = sensitivity(exact(ctx), base, all).confidence;
    const withRatings = sensitivity(ctx, base, all).confidence;
    expect(withRatings).toBeLessThan(1);
    // A catalog that is sure of every rating of the two leaders is surer of the advice.
    const sure = copyCatalog();
    sure.model.sensitivity.ratingUncertainty = 0;
    for (const r of Object.values(sure.ratings).flatMap((x) => Object.values(x ?? {}))) delete r.uncertainty;
    for (const t of sure.targets) for (const r of Object.values(t.ratings)) delete r.uncertainty;
    const sureCtx = buildContext(answers, sure);
    expect(sensitivity(sureCtx, decideTools(sureCtx), all).confidence).toBeCloseTo(weightsOnly, 10);
  });

  it('reads near 1 when the call is clear, and less when it is close', () => {
    const clear = buildContext(withDefaults({ tracking: 'essential', orchestration: 'none', budget: 'minimal', priority: 'cost', languages: ['r'] }), catalog);
    expect(sensitivity(clear, decideTools(clear), all).confidence).toBeGreaterThan(0.95);
    const close = buildContext(withDefaults({ cloud: 'aws' }), catalog);
    expect(sensitivity(close, decideTools(close), all).confidence).toBeLessThan(0.8);
  });
});
