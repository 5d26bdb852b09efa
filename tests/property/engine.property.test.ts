// Properties of the engine over random teams: any answer set the questions allow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import type { ToolId } from '../../src/catalog/ids.js';
import { buildContext } from '../../src/engine/context.js';
import { recommend, recommendedTools } from '../../src/engine/recommend.js';
import { compareStacks, scoreStack } from '../../src/engine/score.js';
import type { Answers } from '../../src/engine/types.js';
import { answersArb } from '../helpers/answers.js';
import { claims } from '../helpers/catalog.js';

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

/** The decision rule spelled out plainly (every candidate scored in full, then sorted), as a reference for the fast paths. */
function referenceTools(a: Answers): ToolId[] {
  const ctx = buildContext(a, catalog);
  const open = ctx.tools.filter((t) => !ctx.excluded.has(t));
  const singles = open.map((t) => scoreStack([t], ctx)).sort((x, y) => compareStacks(x, y, ctx.tools));
  const stacks: ToolId[][] = [];
  for (let i = 0; i < open.length; i++)
    for (let j = i + 1; j < open.length; j++) {
      stacks.push([open[i]!, open[j]!]);
      for (let k = j + 1; k < open.length; k++) stacks.push([open[i]!, open[j]!, open[k]!]);
    }
  const best = stacks.map((s) => scoreStack(s, ctx)).sort((x, y) => compareStacks(x, y, ctx.tools))[0];
  const single = singles[0]!;
  return best && best.score >= single.score + ctx.margin ? best.tools : single.tools;
}
const cheap = { samples: 100 } as const;

describe('engine properties', () => {
  it('is deterministic for equal input', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        expect(recommend(a, catalog, cheap)).toEqual(recommend(structuredClone(a), catalog, cheap));
      }),
      { numRuns: 40 },
    );
  });

  it('scores in [0, 100], breakdowns that add up, confidence in [0, 1]', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 50, skipChanges: true });
        for (const t of r.ranking) {
          expect(t.score).toBeGreaterThanOrEqual(0);
          expect(t.score).toBeLessThanOrEqual(100);
          if (!t.excluded) {
            const sum = t.breakdown.reduce((s, b) => s + b.contribution, 0);
            expect(Math.abs(sum - t.score)).toBeLessThanOrEqual(0.5);
          }
        }
        for (const c of r.combinations) {
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(100);
        }
        expect(r.recommendation.confidence).toBeGreaterThanOrEqual(0);
        expect(r.recommendation.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('never recommends an excluded tool, and each exclusion says what lifts it', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0, skipChanges: true });
        const excluded = r.ranking.filter((t) => t.excluded);
        for (const t of excluded) {
          expect(r.recommendation.tools).not.toContain(t.tool);
          expect(r.ranking.indexOf(t)).toBeGreaterThanOrEqual(r.ranking.length - excluded.length);
          for (const lift of t.exclusion!.liftedBy) {
            const again = recommend({ ...a, [lift.question]: lift.value }, catalog, { samples: 0, skipChanges: true });
            expect(again.ranking.find((x) => x.tool === t.tool)!.excluded).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('decides as the plain rule does, on the fast path and in the full result', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const want = sorted(referenceTools(a));
        expect(sorted(recommendedTools(a, catalog))).toBe(want);
        expect(sorted(recommend(a, catalog, { samples: 0, skipChanges: true }).recommendation.tools)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('claims only flips that hold when re-run with that one answer changed', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0 });
        for (const f of r.recommendation.flips) {
          const again = referenceTools({ ...a, [f.question]: f.value });
          expect(sorted(again)).toBe(sorted(f.tools));
          expect(sorted(f.tools)).not.toBe(sorted(r.recommendation.tools));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('cites a source for every reason, and every seed source names a claim of the digest', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0 });
        const reasons = [...r.ranking.flatMap((t) => t.reasons), ...r.combinations.flatMap((c) => c.reasons)];
        for (const reason of reasons) {
          expect(reason.sources.length).toBeGreaterThan(0);
          for (const s of reason.sources) {
            expect(s).toMatch(/^(seed:[A-Z]+-\d+|https:\/\/)/);
            if (s.startsWith('seed:')) expect(claims.has(s.slice(5))).toBe(true);
          }
        }
        for (const stage of r.roadmap) expect(stage.sources.length).toBeGreaterThan(0);
        for (const step of r.nextSteps) expect(step.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('recommends a stack only when it beats the best single tool by the margin', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0, skipChanges: true });
        const bestSingle = r.ranking.find((t) => !t.excluded)!;
        if (r.recommendation.tools.length > 1) {
          const stack = r.combinations.find((c) => sorted(c.tools) === sorted(r.recommendation.tools))!;
          expect(stack.score).toBeGreaterThanOrEqual(bestSingle.score + catalog.model.combinations.margin - 0.1);
        } else {
          expect(r.recommendation.tools).toEqual([bestSingle.tool]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
