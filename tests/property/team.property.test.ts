// Team mode over random teams: merging ignores the members' order, a team of identical members
// is that member, and every claim that a member's answer changes the advice re-runs true.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend, recommendedTools } from '../../src/engine/recommend.js';
import { mergeAnswers, type Member } from '../../src/team/merge.js';
import { recommendTeam } from '../../src/team/team.js';
import { answersArb } from '../helpers/answers.js';

// Members answer some questions, not all: what they leave out is not an opinion.
const memberAnswersArb = answersArb.chain((a) =>
  fc.subarray(Object.keys(a)).map((keep) => Object.fromEntries(keep.map((k) => [k, a[k]!]))),
);
const teamArb = fc.array(memberAnswersArb, { minLength: 2, maxLength: 5 }).map((list) => list.map((answers, i): Member => ({ name: `m${i}`, answers })));
const cheap = { samples: 50 } as const;

describe('team mode properties', () => {
  it('merging is independent of the members\' order', () => {
    fc.assert(
      fc.property(teamArb, fc.func(fc.integer()), (team, f) => {
        const shuffled = [...team].sort((a, b) => f(a.name) - f(b.name));
        expect(mergeAnswers(shuffled, catalog).answers).toEqual(mergeAnswers(team, catalog).answers);
        expect(recommendTeam(shuffled, catalog, cheap).recommendation.tools).toEqual(recommendTeam(team, catalog, cheap).recommendation.tools);
      }),
      { numRuns: 40 },
    );
  });

  it('identical members give the advice one of them gets alone, with no disagreement', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 2, max: 5 }), (answers, n) => {
        const team = Array.from({ length: n }, (_, i) => ({ name: `m${i}`, answers }));
        const r = recommendTeam(team, catalog, cheap);
        const alone = recommend(answers, catalog, { ...cheap, defaulted: [] });
        expect(r.recommendation.tools).toEqual(alone.recommendation.tools);
        expect(r.answers).toEqual(alone.answers);
        expect(r.team!.disagreements).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('every alternative re-runs to the tools it names', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const r = recommendTeam(team, catalog, cheap);
        for (const d of r.team!.disagreements) {
          for (const alt of d.alternatives) {
            if (!alt.changesAdvice) continue;
            expect(recommendedTools({ ...r.answers, [d.question]: alt.value }, catalog)).toEqual(alt.tools);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
