// Properties of the engine over random teams: any answer set the questions allow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import type { ToolId } from '../../src/catalog/ids.js';
import { buildContext } from '../../src/engine/context.js';
import { recommend, recommendedTools } from '../../src/engine/recommend.js';
import { bestOption, fits, scoreOptions } from '../../src/engine/score.js';
import type { Answers } from '../../src/engine/types.js';
import { answersArb } from '../helpers/answers.js';
import { claims } from '../helpers/catalog.js';

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

/**
 * The decision rule spelled out plainly, as a reference for the engine: every open tool on its
 * best target and every stack of them that can work together scored in full; of those missing
 * the fewest must-haves, the best single tool, unless a stack beats it by the margin. Between
 * stacks of equal score (to 1e-9) and size, the one whose members score higher alone.
 */
function referenceTools(a: Answers): ToolId[] {
  const ctx = buildContext(a, catalog);
  const open = ctx.tools.filter((t) => !ctx.excluded.has(t));
  const option = (t: ToolId) => bestOption(t, ctx).options[0]!;
  const singles = open.map((t) => scoreOptions([option(t)], ctx));
  const stacks: ToolId[][] = [];
  for (let i = 0; i < open.length; i++)
    for (let j = i + 1; j < open.length; j++) {
      stacks.push([open[i]!, open[j]!]);
      for (let k = j + 1; k < open.length; k++) stacks.push([open[i]!, open[j]!, open[k]!]);
    }
  const scored = stacks.filter((s) => fits(s, ctx, (t) => option(t).target)).map((s) => scoreOptions(s.map(option), ctx));
  const fewest = Math.min(...[...singles, ...scored].map((s) => s.gaps.length));
  const first = <T extends { score: number; tools: ToolId[] }>(xs: T[]) =>
    xs.reduce<T | undefined>((best, x) => (!best || x.score > best.score + 1e-9 ? x : best), undefined);
  const single = first(singles.filter((s) => s.gaps.length === fewest));
  const own = (x: { tools: ToolId[] }) => x.tools.reduce((sum, t) => sum + singles.find((s) => s.tools[0] === t)!.score, 0);
  const stack = scored
    .filter((s) => s.gaps.length === fewest)
    .sort((x, y) => x.tools.length - y.tools.length)
    .reduce<(typeof scored)[number] | undefined>((best, x) => {
      if (!best || x.score > best.score + 1e-9) return x;
      const tie = Math.abs(x.score - best.score) <= 1e-9 && x.tools.length === best.tools.length && own(x) > own(best) + 1e-9;
      return tie ? x : best;
    }, undefined);
  return stack && (!single || stack.score >= single.score + ctx.margin) ? stack.tools : single!.tools;
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

  it('plans later stages that only raise answers, add a tool and keep every must-have met today', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0 });
        const unmetToday = new Set(r.recommendation.unmet.map((u) => u.requirement));
        for (const stage of r.roadmap.filter((s) => s.stage === 'later')) {
          expect(stage.adds.length).toBeGreaterThan(0);
          for (const w of stage.when!) {
            const q = catalog.questions.find((x) => x.id === w.question)!;
            expect(w.value).not.toEqual(a[w.question]);
            if (q.ordinal) {
              const order = q.choices.map((c) => c.value);
              expect(order.indexOf(String(w.value))).toBeGreaterThan(order.indexOf(String(a[w.question])));
            }
          }
          const next: Answers = { ...a, existingTools: [...new Set([...(a.existingTools as string[]), ...r.recommendation.tools])] };
          for (const w of stage.when!) next[w.question] = w.value;
          const later = recommend(next, catalog, { samples: 0, skipChanges: true });
          expect(sorted(later.recommendation.tools)).toBe(sorted(stage.tools));
          const ctx = buildContext(a, catalog);
          for (const u of later.recommendation.unmet) if (ctx.requirements.some((q) => q.id === u.requirement)) expect(unmetToday.has(u.requirement)).toBe(true);
        }
      }),
      { numRuns: 60 },
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

  it('meets every must-have with the recommended tools on their targets, or lists it as unmet', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0, skipChanges: true });
        const ctx = buildContext(a, catalog);
        const rec = r.recommendation.tools;
        const stack = scoreOptions(rec.map((t) => bestOption(t, ctx).options[0]!), ctx);
        // Through any member, on that member's chosen target.
        for (const req of ctx.requirements) {
          const met = rec.some((t) => {
            const target = r.ranking.find((x) => x.tool === t)!.target!;
            const o = ctx.options[t]!.find((x) => catalog.targets[x.target]!.id === target.id)!;
            return o.base[req.index]! >= req.min;
          });
          expect(met || r.recommendation.unmet.some((u) => u.requirement === req.id), req.id).toBe(true);
        }
        expect(r.recommendation.unmet.map((u) => u.requirement).sort()).toEqual(stack.gaps.map((g) => g.requirement.id).sort());
        // When some tool or stack of the four meets every must-have, the advice does.
        if (r.recommendation.unmet.length > 0) {
          expect(r.combinations.every((c) => c.unmetPenalty > 0)).toBe(true);
          expect(r.ranking.filter((t) => !t.excluded).every((t) => t.breakdown.some((b) => b.criterion.startsWith('unmet:')))).toBe(true);
        }
        for (const t of rec) expect(r.ranking.find((x) => x.tool === t)!.target).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never picks Metaflow for scheduling on premises without Kubernetes, and can pick Kubeflow on Vertex AI without a cluster', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        // (A team that runs Metaflow already keeps it: that is continuity, not scheduling.)
        const existingTools = (a.existingTools as string[]).filter((t) => t !== 'metaflow');
        const onPrem = { ...a, cloud: 'on-prem', kubernetes: 'none', existingTools, needs: [...new Set([...(a.needs as string[]), 'scheduling'])] };
        expect(recommendedTools(onPrem, catalog)).not.toContain('metaflow');
        // (A team that runs Kubeflow already keeps its own deployment.)
        const notRunning = (a.existingTools as string[]).filter((t) => t !== 'kubeflow');
        const gcp = recommend({ ...a, cloud: 'gcp', kubernetes: 'none', hosting: 'managed-ok', existingTools: notRunning }, catalog, { samples: 0, skipChanges: true });
        expect(gcp.ranking.find((t) => t.tool === 'kubeflow')!.target?.id).toBe('vertex-ai-pipelines');
      }),
      { numRuns: 200 },
    );
  });

  it('recommends a stack only when it beats the best single tool meeting as many must-haves by the margin', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = recommend(a, catalog, { samples: 0, skipChanges: true });
        const unmet = r.recommendation.unmet.length;
        const bestSingle = r.ranking.find((t) => !t.excluded && t.breakdown.filter((b) => b.criterion.startsWith('unmet:')).length === unmet);
        if (r.recommendation.tools.length > 1) {
          const stack = r.combinations.find((c) => sorted(c.tools) === sorted(r.recommendation.tools))!;
          if (bestSingle) expect(stack.score).toBeGreaterThanOrEqual(bestSingle.score + catalog.model.combinations.margin - 0.1);
        } else {
          expect(r.recommendation.tools).toEqual([bestSingle!.tool]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
