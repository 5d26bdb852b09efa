import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { defaults } from '../../src/questionnaire/questions.js';
import type { AnswerOrigin } from '../../src/questionnaire/resolve.js';
import { reviewAnswers, reviewLines, valueLabel, type ReviewUi } from '../../src/questionnaire/review.js';

const q = (id: string) => catalog.questions.find((x) => x.id === id)!;
const allAsked = () => Object.fromEntries(catalog.questions.map((x) => [x.id, 'prompt'])) as Record<string, AnswerOrigin>;

describe('review lines', () => {
  it('read answers in the words of their choices', () => {
    expect(valueLabel(q('teamSize'), 'small')).toBe('2-5 people');
    expect(valueLabel(q('languages'), ['python', 'r'])).toBe('Python, R');
    expect(valueLabel(q('needs'), [])).toBe('none');
  });

  it('leave out a question that does not apply, unless it was given outright', () => {
    const answers = { ...defaults(catalog), kubernetes: 'none', kubernetesExpertise: 'expert' };
    const origins = { ...allAsked(), kubernetesExpertise: 'default' as AnswerOrigin };
    expect(reviewLines(catalog, answers, origins).map((l) => l.id)).not.toContain('kubernetesExpertise');
    const given = reviewLines(catalog, answers, { ...origins, kubernetesExpertise: 'flag' });
    expect(given.find((l) => l.id === 'kubernetesExpertise')).toEqual({ id: 'kubernetesExpertise', label: 'Kubernetes skill', value: 'Expert', origin: 'flag' });
  });
});

describe('reviewAnswers', () => {
  it('returns the answers untouched when accepted at once', async () => {
    const ui: ReviewUi = { pick: async () => undefined, ask: async () => { throw new Error('nothing to ask'); } };
    const answers = defaults(catalog);
    const r = await reviewAnswers(catalog, answers, allAsked(), ui);
    expect(r.answers).toEqual(answers);
    expect(r.origins).toEqual(allAsked());
  });

  it('does not ask a follow-up whose answer was given as a flag', async () => {
    const picks = ['kubernetes', undefined];
    const asked: string[] = [];
    const ui: ReviewUi = {
      pick: async () => picks.shift(),
      ask: async (question) => {
        asked.push(question.id);
        return 'production';
      },
    };
    const origins = { ...allAsked(), kubernetesExpertise: 'flag' as AnswerOrigin };
    const r = await reviewAnswers(catalog, { ...defaults(catalog), kubernetesExpertise: 'expert' }, origins, ui);
    expect(asked).toEqual(['kubernetes']);
    expect(r.answers).toMatchObject({ kubernetes: 'production', kubernetesExpertise: 'expert' });
    expect(r.origins.kubernetesExpertise).toBe('flag');
  });
});
