import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { InputError } from '../../src/errors.js';
import { defaults } from '../../src/questionnaire/questions.js';
import { answersFromObject, BACK, parseValue, resolveAnswers, type Prompter } from '../../src/questionnaire/resolve.js';

const q = (id: string) => catalog.questions.find((x) => x.id === id)!;

describe('parseValue', () => {
  it('accepts a choice and names the flag and allowed values otherwise', () => {
    expect(parseValue(q('teamSize'), 'small', '--team-size')).toBe('small');
    expect(() => parseValue(q('teamSize'), 'huge', '--team-size')).toThrow(/--team-size: "huge" is not allowed; use one of: solo, small, medium, large/);
    expect(() => parseValue(q('budget'), 'moderat', '--budget')).toThrow(/Did you mean "moderate"/);
  });

  it('splits lists, drops duplicates and keeps choice order', () => {
    expect(parseValue(q('needs'), 'scheduling, lineage,scheduling', '--needs')).toEqual(['lineage', 'scheduling']);
    expect(parseValue(q('existingTools'), '', '--existing-tools')).toEqual([]);
    expect(() => parseValue(q('languages'), '', '--languages')).toThrow(/needs at least one of: python, r/);
    expect(() => parseValue(q('workloads'), 'classic-ml,quantum', '--workloads')).toThrow(/"quantum" is not allowed/);
  });
});

describe('answersFromObject', () => {
  it('takes ids or flag names and rejects unknown keys with the closest one', () => {
    expect(answersFromObject({ teamSize: 'solo', 'ml-expertise': 'expert' }, 'a.json', catalog)).toEqual({ teamSize: 'solo', mlExpertise: 'expert' });
    expect(() => answersFromObject({ teamsize: 'solo' }, 'a.json', catalog)).toThrow(/a\.json: unknown key "teamsize". Did you mean "teamSize"\?/);
  });

  it('never lets __proto__ or constructor through', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(() => answersFromObject(doc, 'a.json', catalog)).toThrow(InputError);
    expect(() => answersFromObject({ constructor: 'x' }, 'a.json', catalog)).toThrow(/unknown key "constructor"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects documents that are not objects, and wrong types', () => {
    expect(() => answersFromObject([1], 'a.json', catalog)).toThrow(/expected a JSON object.*got a list/);
    expect(() => answersFromObject('small', 'a.json', catalog)).toThrow(/got "small"/);
    expect(() => answersFromObject({ teamSize: 3 }, 'a.json', catalog)).toThrow(/a\.json: teamSize: expected one of solo, small, medium, large, got number 3/);
  });
});

describe('resolveAnswers', () => {
  it('takes flags over the file over defaults, and lists the defaults taken', async () => {
    const r = await resolveAnswers(catalog, { flags: { teamSize: 'large' }, file: { teamSize: 'solo', budget: 'minimal' } });
    expect(r.answers.teamSize).toBe('large');
    expect(r.answers.budget).toBe('minimal');
    expect(r.origins).toMatchObject({ teamSize: 'flag', budget: 'file', tracking: 'default' });
    expect(r.defaulted).toContain('tracking');
    expect(r.defaulted).not.toContain('teamSize');
    expect(Object.keys(r.answers)).toEqual(catalog.questions.map((x) => x.id));
  });

  it('asks only what is missing and applies, with progress', async () => {
    const asked: string[] = [];
    const prompter: Prompter = {
      async ask(question, { index, total, current }) {
        asked.push(`${index}/${total} ${question.id}`);
        return question.id === 'kubernetes' ? 'none' : current;
      },
    };
    const r = await resolveAnswers(catalog, { flags: { teamSize: 'small' } }, prompter);
    expect(asked.some((a) => a.endsWith('teamSize'))).toBe(false);
    // No Kubernetes: its skill question does not apply.
    expect(asked.some((a) => a.endsWith('kubernetesExpertise'))).toBe(false);
    // The total is fixed at the start: every question not given that could apply.
    expect(asked[0]).toBe(`1/15 mlExpertise`);
    expect(asked.at(-1)).toBe(`15/15 hosting`);
    expect(new Set(asked.map((a) => a.split(' ')[0]!.split('/')[1]))).toEqual(new Set(['15']));
    expect(r.defaulted).toEqual(['kubernetesExpertise']);
  });

  it('does not count a question that given answers rule out', async () => {
    const totals = new Set<number>();
    const prompter: Prompter = { ask: async (_q, { total, current }) => (totals.add(total), current) };
    await resolveAnswers(catalog, { flags: { kubernetes: 'none' } }, prompter);
    expect([...totals]).toEqual([catalog.questions.length - 2]);
  });

  it('goes back: the previous question is asked again with its answer pre-selected, and the new answer counts', async () => {
    const asked: string[] = [];
    let wentBack = false;
    const prompter: Prompter = {
      async ask(question, { index, current, canGoBack, skipped }) {
        asked.push(`${index} ${question.id} ${JSON.stringify(current)} ${canGoBack} ${skipped.map((x) => x.id).join()}`);
        if (index === 1) expect(canGoBack).toBe(false);
        if (question.id === 'kubernetes') return current === 'production' ? 'none' : 'production';
        // At the Kubernetes skill question (asked because of "production"), go back once.
        if (question.id === 'kubernetesExpertise' && !wentBack) {
          wentBack = true;
          return BACK;
        }
        return current;
      },
    };
    const r = await resolveAnswers(catalog, {}, prompter);
    expect(asked.slice(3, 7)).toEqual([
      '4 kubernetes "none" true ',
      '5 kubernetesExpertise "basic" true ',
      // Back at Kubernetes usage, with the answer given before pre-selected; changed to No ...
      '4 kubernetes "production" true ',
      // ... its follow-up is passed over, and the next question says so.
      '6 budget "moderate" true kubernetesExpertise',
    ]);
    expect(r.answers.kubernetes).toBe('none');
    expect(r.origins.kubernetes).toBe('prompt');
    expect(r.defaulted).toEqual(['kubernetesExpertise']);
  });

  it('going back at the first question asks it again', async () => {
    let first = true;
    const prompter: Prompter = {
      async ask(_q, { index, current }) {
        if (index === 1 && first) {
          first = false;
          return BACK;
        }
        return current;
      },
    };
    expect((await resolveAnswers(catalog, {}, prompter)).answers).toEqual(defaults(catalog));
  });

  it('asks the Kubernetes skill question once Kubernetes is in use', async () => {
    const asked: string[] = [];
    const prompter: Prompter = {
      async ask(question, { current }) {
        asked.push(question.id);
        return question.id === 'kubernetes' ? 'production' : current;
      },
    };
    await resolveAnswers(catalog, {}, prompter);
    expect(asked).toContain('kubernetesExpertise');
  });
});
