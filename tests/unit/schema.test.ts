// The published JSON Schema against real results, checked by an independent validator (ajv).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/index.js';
import { outputJsonSchema } from '../../src/schema/json-schema.js';
import { ANSWER_SETS } from '../fixtures/answer-sets.js';

const schema = outputJsonSchema();
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const results = Object.fromEntries(Object.entries(ANSWER_SETS).map(([name, a]) => [name, JSON.parse(JSON.stringify(recommend(a)))]));

/** A copy of the schema with every object closed: a result field the schema does not declare fails. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closed(v)]));
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

describe('schema', () => {
  it('is draft 2020-12 with schemaVersion fixed at 1 and the contract fields required', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const props = schema.properties as Record<string, { const?: unknown }>;
    expect(props.schemaVersion?.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'answers', 'defaulted', 'ranking', 'combinations', 'recommendation']));
  });

  it.each(Object.keys(ANSWER_SETS))('the result for %s validates', (name) => {
    const ok = validate(results[name]);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('declares every field the results carry (validated with every object closed)', () => {
    const strict = new Ajv2020({ allErrors: true }).compile(closed(schema) as object);
    for (const [name, doc] of Object.entries(results)) {
      expect({ name, errors: strict(doc) ? [] : strict.errors }).toEqual({ name, errors: [] });
    }
    const extra = structuredClone(results.defaults);
    extra.ranking[0].undeclared = 1;
    expect(strict(extra)).toBe(false);
  });

  it('stays open to added fields, so a pinned schema keeps validating newer output', () => {
    const doc = structuredClone(results.defaults);
    doc.addedLater = { anything: true };
    doc.recommendation.addedLater = 1;
    expect(validate(doc)).toBe(true);
  });

  it.each([
    ['a missing recommendation', (d: any) => delete d.recommendation],
    ['another schemaVersion', (d: any) => (d.schemaVersion = 2)],
    ['a tool id that is not one', (d: any) => (d.recommendation.tools = ['Not a tool'])],
    ['a score above 100', (d: any) => (d.ranking[0].score = 101)],
    ['a confidence above 1', (d: any) => (d.recommendation.confidence = 1.5)],
    ['a reason without sources', (d: any) => (d.ranking[0].reasons[0].sources = [])],
    ['no tool ranked', (d: any) => (d.ranking = [])],
  ])('rejects %s', (_what, mutate) => {
    const doc = structuredClone(results.platformTeam);
    mutate(doc);
    expect(validate(doc)).toBe(false);
  });

  // The schema as published before tool ids were opened (tests/fixtures/output-schema.v1.json, a
  // copy of `mlflow-advisor schema` at that time): the built-in catalog's results still satisfy
  // what a pipeline pinned then, with its enum of the four tools and exactly four ranked.
  describe('the pinned v1 schema', () => {
    const pinned = JSON.parse(readFileSync(new URL('../fixtures/output-schema.v1.json', import.meta.url), 'utf8')) as Record<string, any>;
    const validatePinned = new Ajv2020({ allErrors: true, strict: true }).compile(pinned);

    it('is the schema of four tools', () => {
      expect(pinned.properties.ranking.minItems).toBe(4);
      expect(pinned.properties.recommendation.properties.tools.items.enum).toEqual(['airflow', 'metaflow', 'kubeflow', 'mlflow']);
    });

    it.each(Object.keys(ANSWER_SETS))('validates the result for %s', (name) => {
      expect(validatePinned(results[name]) ? [] : validatePinned.errors).toEqual([]);
    });

    it("rejects a result with a catalog's fifth tool, which the current schema takes", () => {
      const doc = structuredClone(results.defaults);
      doc.recommendation.tools = ['zenml'];
      expect(validatePinned(doc)).toBe(false);
      expect(validate(doc)).toBe(true);
    });
  });

  it('the answer sets reach stacks, exclusions and a later roadmap stage', () => {
    const all = Object.values(results);
    expect(all.some((r) => r.recommendation.tools.length > 1)).toBe(true);
    expect(all.some((r) => r.ranking.some((t: { excluded: boolean }) => t.excluded))).toBe(true);
    expect(all.some((r) => r.roadmap.some((s: { stage: string }) => s.stage === 'later'))).toBe(true);
  });
});
