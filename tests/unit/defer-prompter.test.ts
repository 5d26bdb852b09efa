import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { deferPrompter } from '../../src/questionnaire/defer-prompter.js';
import type { InteractivePrompter } from '../../src/questionnaire/prompter.js';
import { defaults } from '../../src/questionnaire/questions.js';
import { resolveAnswers } from '../../src/questionnaire/resolve.js';

function counting() {
  let loads = 0;
  const real: InteractivePrompter = {
    ask: async (_q, { current }) => current,
    review: async (answers, origins) => ({ answers, origins }),
    offerSave: async () => undefined,
    confirmReplace: async () => false,
  };
  return { prompter: deferPrompter(async () => (loads++, real)), loads: () => loads };
}

describe('deferPrompter', () => {
  it('loads nothing when every answer is given', async () => {
    const { prompter, loads } = counting();
    await resolveAnswers(catalog, { flags: defaults(catalog) }, prompter);
    expect(loads()).toBe(0);
  });

  it('loads once, at the first question, however many follow', async () => {
    const { prompter, loads } = counting();
    const r = await resolveAnswers(catalog, { flags: { teamSize: 'solo' } }, prompter);
    await prompter.offerSave();
    expect(loads()).toBe(1);
    expect(r.origins.mlExpertise).toBe('prompt');
  });
});
