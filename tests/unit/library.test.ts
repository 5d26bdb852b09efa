// The library API against the CLI: the same answers give the same object the CLI prints.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalog as builtIn } from '../../src/catalog/catalog.js';
import * as lib from '../../src/index.js';
import { CORE_CHOICES, MULTI_QUESTIONS } from '../../src/schema/answers-input.js';
import { ANSWER_SETS, asFlags } from '../fixtures/answer-sets.js';
import { run } from '../helpers/cli.js';

const { recommend, questions, catalog, InputError, renderMarkdown } = lib;

describe('recommend()', () => {
  it.each(Object.keys(ANSWER_SETS))('equals `recommend --json` for the %s answers', (name) => {
    const answers = ANSWER_SETS[name]!;
    const cli = run(['recommend', '--json', ...asFlags(answers)]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(JSON.stringify(recommend(answers)))).toEqual(JSON.parse(cli.stdout));
  });

  it('lists what it defaulted and accepts flag names as keys', () => {
    const r = recommend({ teamSize: 'solo' });
    expect(r.answers.teamSize).toBe('solo');
    expect(r.defaulted).not.toContain('teamSize');
    expect(r.defaulted).toHaveLength(catalog.questions.length - 1);
    expect(recommend({ 'team-size': 'solo' } as lib.AnswersInput)).toEqual(r);
  });

  it('throws an InputError naming a bad key or value', () => {
    expect(() => recommend({ teamSise: 'solo' } as lib.AnswersInput)).toThrow(/unknown key "teamSise". Did you mean "teamSize"\?/);
    expect(() => recommend({ teamSize: 'huge' } as unknown as lib.AnswersInput)).toThrow(InputError);
    expect(() => recommend({ needs: ['magic'] } as unknown as lib.AnswersInput)).toThrow(/needs: "magic" is not allowed; use any of: hyperparameter-tuning/);
  });

  it('returns a fresh object: changing it changes neither the catalog nor the next result', () => {
    const first = recommend({ teamSize: 'large', kubernetes: 'none' });
    const before = JSON.stringify(catalog);
    const excluded = first.ranking.find((t) => t.exclusion)!;
    excluded.exclusion!.sources.push('https://example.invalid');
    first.ranking[0]!.reasons[0]!.sources.length = 0;
    expect(JSON.stringify(catalog)).toBe(before);
    expect(recommend({ teamSize: 'large', kubernetes: 'none' })).not.toEqual(first);
  });

  it('honours the engine options', () => {
    expect(recommend({}, { samples: 0 }).recommendation.confidence).toBe(1);
    expect(recommend({}, { skipChanges: true }).recommendation.flips).toEqual([]);
  });
});

describe('questions and catalog', () => {
  it('questions equals `questions --json`', () => {
    const cli = run(['questions', '--json']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(questions)));
  });

  it('are read-only', () => {
    expect(() => {
      (catalog.tools as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (questions[0] as { id: string }).id = 'changed';
    }).toThrow(TypeError);
  });

  it('renderMarkdown gives the decision record the CLI prints for the same answers', () => {
    const cli = run(['recommend', '--format', 'markdown', '--team-size', 'solo'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(renderMarkdown(recommend({ teamSize: 'solo' }), { date: new Date('2026-01-01T00:00:00Z') })).toBe(cli.stdout);
  });
});

describe('types', () => {
  it('match the question data', () => {
    for (const q of builtIn.questions) {
      expect([q.id, q.choices.map((c) => c.value)]).toEqual([q.id, [...(CORE_CHOICES as Record<string, readonly string[]>)[q.id]!]]);
      expect([q.id, q.type === 'multi']).toEqual([q.id, (MULTI_QUESTIONS as readonly string[]).includes(q.id)]);
    }
    expect(Object.keys(CORE_CHOICES)).toEqual(builtIn.questions.map((q) => q.id));
  });

  it('type the answers and the result (checked by the type check)', () => {
    expectTypeOf(recommend).parameter(0).toEqualTypeOf<lib.AnswersInput | undefined>();
    expectTypeOf(recommend).returns.toEqualTypeOf<lib.Result>();
    expectTypeOf<lib.Result['recommendation']['tools'][number]>().toEqualTypeOf<lib.ToolId>();
    expectTypeOf<NonNullable<lib.AnswersInput['needs']>>().toEqualTypeOf<readonly (typeof CORE_CHOICES.needs)[number][]>();
    // Compile-time only: the type check fails if these become valid.
    const never = () => {
      // @ts-expect-error not a team size
      recommend({ teamSize: 'huge' });
      // @ts-expect-error not a question
      recommend({ teamsize: 'small' });
      // @ts-expect-error a list question takes a list
      recommend({ needs: 'lineage' });
    };
    expect(typeof never).toBe('function');
  });
});
