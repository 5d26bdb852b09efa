// The ranking puts tools that miss fewer must-haves on their own first, then orders by score, and
// the short view says so whenever that shows as a lower score above a higher one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend } from '../../src/engine/recommend.js';
import { renderTable } from '../../src/render/table.js';
import { answersArb } from '../helpers/answers.js';

describe('ranking order', () => {
  it('is by must-haves missed alone, then by score, for any answers', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const open = recommend(answers, catalog, { samples: 20, skipChanges: true }).ranking.filter((t) => !t.excluded);
        for (let i = 1; i < open.length; i++) {
          const [a, b] = [open[i - 1]!, open[i]!];
          expect(a.misses!.length).toBeLessThanOrEqual(b.misses!.length);
          if (a.misses!.length === b.misses!.length) expect(a.score).toBeGreaterThanOrEqual(b.score);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('explains a lower score ranked above a higher one in the short view', () => {
    const answers = { ...Object.fromEntries(catalog.questions.map((q) => [q.id, q.default])), teamSize: 'medium', tracking: 'essential', orchestration: 'complex', cloud: 'aws' };
    const result = recommend(answers, catalog, { samples: 50 });
    const open = result.ranking.filter((t) => !t.excluded);
    expect(open.some((t, i) => i > 0 && t.score > open[i - 1]!.score)).toBe(true);
    const text = renderTable(result, catalog, { colour: 0, columns: 80 });
    expect(text).toMatch(/Ranked by must-haves met alone, then by score \(missed: /);
    const plain = recommend(Object.fromEntries(catalog.questions.map((q) => [q.id, q.default])), catalog, { samples: 50 });
    const inOrder = plain.ranking.filter((t) => !t.excluded).every((t, i, xs) => i === 0 || t.score <= xs[i - 1]!.score);
    expect(renderTable(plain, catalog, { colour: 0, columns: 80 }).includes('Ranked by must-haves')).toBe(!inOrder);
  });
});
