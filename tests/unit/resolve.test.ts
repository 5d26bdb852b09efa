import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { InputError } from '../../src/errors.js';
import { answersFromObject, parseValue, resolveAnswers, type Prompter } from '../../src/questionnaire/resolve.js';

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
    expect(asked[0]).toBe(`1/${asked.length} mlExpertise`);
    expect(r.defaulted).toEqual(['kubernetesExpertise']);
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
