// Organisations' catalog files on the engine: a fifth tool is ranked, stacked, explained,
// compared and offered as a tool the team runs; overrides change only what they name; an
// exclusion shows the organisation's reason; bad files fail with one line naming file, tool and field.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { applyCatalogFile, catalogJsonSchema, CatalogFileError, MAX_TOOLS, parseCatalogFile, withCatalogFiles } from '../../src/catalog/overlay.js';
import { claimIds, validateCatalog } from '../../src/catalog/validate.js';
import { comparison, toolProfile } from '../../src/catalog/profiles.js';
import { findTool } from '../../src/cli/commands/explain.js';
import { parseExpect } from '../../src/cli/commands/recommend.js';
import { recommend, recommendedTools } from '../../src/engine/recommend.js';
import { recommend as libraryRecommend, InputError } from '../../src/index.js';
import { questionList } from '../../src/schema/question-list.js';
import { outputJsonSchema } from '../../src/schema/json-schema.js';
import { ANSWER_SETS } from '../fixtures/answer-sets.js';
import { fifthTool, syntheticTools, withDefaults } from '../helpers/catalog.js';

const withFile = (doc: unknown, where = 'org.yaml') => withCatalogFiles(catalog, [{ doc, where }]);
const fast = { samples: 50 };

/** The one-line message a bad catalog file gives. */
function problem(doc: unknown, where = 'org.yaml'): string {
  try {
    withFile(doc, where);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogFileError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the catalog was accepted');
}

describe('a catalog that adds a fifth tool', () => {
  const cat = withFile(fifthTool());

  it('ranks it, and puts it in stacks', () => {
    const r = recommend(withDefaults(), cat, fast);
    expect(r.ranking.map((t) => t.tool).sort()).toEqual(['acme-flow', 'airflow', 'kubeflow', 'metaflow', 'mlflow']);
    expect(r.combinations.some((s) => s.tools.includes('acme-flow'))).toBe(true);
    expect(r.combinations.filter((s) => s.tools.includes('acme-flow') && s.tools.length === 3).length).toBeGreaterThan(0);
  });

  it('recommends it when it is rated best on everything', () => {
    const best = withFile(fifthTool('acme-best', { name: 'Acme Best', ratings: Object.fromEntries(catalog.criteria.map((c) => [c.id, 5])) }));
    const r = recommend(withDefaults(), best, fast);
    expect(r.recommendation.tools).toEqual(['acme-best']);
    expect(r.recommendation.summary).toContain('Acme Best');
    expect(r.nextSteps.every((s) => s.tool === 'acme-best')).toBe(true);
  });

  it('explains and compares it, and offers it as a tool the team runs', () => {
    expect(findTool('ACME-flow', cat)).toBe('acme-flow');
    expect(toolProfile('acme-flow', cat).ratings).toHaveLength(catalog.criteria.length);
    expect(comparison(cat).tools.map((t) => t.id)).toContain('acme-flow');
    expect(comparison(cat).criteria[0]!.ratings['acme-flow']).toBeDefined();
    const existing = questionList(cat).find((q) => q.id === 'existingTools')!;
    expect(existing.choices.map((c) => c.value)).toEqual(['airflow', 'metaflow', 'kubeflow', 'mlflow', 'acme-flow']);
    expect(existing.choices.at(-1)!.label).toBe('Acme Flow');
    expect(parseExpect('acme-flow,mlflow', cat)).toEqual(['acme-flow', 'mlflow']);
    expect(() => parseExpect('acme-flow')).toThrow(/not a tool/);
  });

  it('counts it as run by the team: continuity favours keeping it', () => {
    const without = recommend(withDefaults({ tracking: 'essential' }), cat, fast);
    const running = recommend(withDefaults({ tracking: 'essential', existingTools: ['acme-flow'] }), cat, fast);
    const score = (r: typeof without) => r.ranking.find((t) => t.tool === 'acme-flow')!.score;
    expect(score(running)).toBeGreaterThan(score(without));
  });

  it('passes the full validation of the built-in catalog', () => {
    expect(() => validateCatalog(cat)).not.toThrow();
    expect(() => validateCatalog(withFile({ ...fifthTool(), exclude: [{ tool: 'kubeflow', reason: 'Banned' }] }))).not.toThrow();
  });

  it('leaves the built-in catalog as it was', () => {
    expect(catalog.tools).toHaveLength(4);
    expect(catalog.questions.find((q) => q.id === 'existingTools')!.choices).toHaveLength(4);
    expect(recommend(withDefaults(), catalog, fast).ranking).toHaveLength(4);
  });

  it('gives results valid against the current output schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(outputJsonSchema());
    const doc = JSON.parse(JSON.stringify(recommend(withDefaults({ existingTools: ['acme-flow'] }), cat, fast)));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });
});

describe('override', () => {
  it('changes only the ratings it names, and facts by label', () => {
    const rating = { rating: 0, text: 'Not allowed on our network', sources: ['https://intranet.example.com/policy/ml'], checked: '2026-11-27' };
    const fact = { label: 'Internal support', value: 'The platform team runs it for you.', sources: ['catalog:org.yaml'], checked: '2026-11-27' };
    const cat = withFile({ override: [{ id: 'mlflow', ratings: { 'model-serving': rating }, facts: [fact], summary: 'Our tracking service.' }] });
    expect(cat.ratings.mlflow!['model-serving']).toEqual(rating);
    for (const c of catalog.criteria) if (c.id !== 'model-serving') expect(cat.ratings.mlflow![c.id]).toEqual(catalog.ratings.mlflow![c.id]);
    const mlflow = cat.tools.find((t) => t.id === 'mlflow')!;
    const before = catalog.tools.find((t) => t.id === 'mlflow')!;
    expect(mlflow.facts).toEqual([...before.facts, fact]);
    expect(mlflow.summary).toBe('Our tracking service.');
    expect(mlflow.strengths).toEqual(before.strengths);
    const replaced = withFile({ override: [{ id: 'mlflow', facts: [{ ...before.facts[0]!, value: 'Changed.' }] }] });
    expect(replaced.tools.find((t) => t.id === 'mlflow')!.facts.map((f) => f.value)).toEqual(['Changed.', ...before.facts.slice(1).map((f) => f.value)]);
  });

  it('moves the scores: a tool rated down on a weighted criterion scores less', () => {
    const down = Object.fromEntries(catalog.criteria.map((c) => [c.id, { rating: 0, text: 'Rated down', sources: ['https://example.com/review'], checked: '2026-11-27' }]));
    const cat = withFile({ override: [{ id: 'metaflow', ratings: down }] });
    const score = (c: typeof cat) => recommend(withDefaults(), c, fast).ranking.find((t) => t.tool === 'metaflow')!.score;
    expect(score(cat)).toBeLessThan(score(catalog));
    expect(score(cat)).toBe(0);
  });

  it('may change a tool the same file adds', () => {
    const cat = withFile({ ...fifthTool(), override: [{ id: 'acme-flow', name: 'Acme Flow 2' }] });
    expect(cat.tools.at(-1)!.name).toBe('Acme Flow 2');
  });
});

describe('exclude', () => {
  it("rules a tool out with the organisation's reason, ranked last, cited to the catalog file", () => {
    const cat = withFile({ exclude: [{ tool: 'mlflow', reason: 'Security review SEC-12 did not approve it' }] }, 'policies/ml.yaml');
    const r = recommend(withDefaults({ tracking: 'essential' }), cat, fast);
    const mlflow = r.ranking.find((t) => t.tool === 'mlflow')!;
    expect(mlflow.excluded).toBe(true);
    // Ranked after every tool that is not excluded.
    expect(r.ranking.slice(r.ranking.findIndex((t) => t.tool === 'mlflow')).every((t) => t.excluded)).toBe(true);
    expect(mlflow.exclusion!.text).toContain('Security review SEC-12 did not approve it');
    expect(mlflow.exclusion!.sources).toEqual(['catalog:ml.yaml']);
    expect(mlflow.exclusion!.liftedBy).toEqual([]);
    expect(r.recommendation.tools).not.toContain('mlflow');
    expect(r.combinations.some((s) => s.tools.includes('mlflow'))).toBe(false);
    expect(r.recommendation.flips.every((f) => !f.tools.includes('mlflow'))).toBe(true);
  });

  it('keeps the sources it is given, and wins over a built-in exclusion', () => {
    const cat = withFile({ exclude: [{ tool: 'kubeflow', reason: 'Not supported by the platform team', sources: ['https://wiki.example.com/ml/kubeflow'] }] });
    const r = recommend(withDefaults({ kubernetes: 'none', opsExpertise: 'none' }), cat, fast);
    expect(r.ranking.find((t) => t.tool === 'kubeflow')!.exclusion).toMatchObject({ sources: ['https://wiki.example.com/ml/kubeflow'] });
    expect(r.ranking.find((t) => t.tool === 'kubeflow')!.exclusion!.text).toContain('Not supported by the platform team');
  });
});

describe('bad catalog files', () => {
  const tool = () => fifthTool().tools[0]! as Record<string, any>;
  const cases: [string, () => unknown, RegExp][] = [
    ['a missing rating', () => { const t = tool(); delete t.ratings.scalability; return { tools: [t] }; }, /^org\.yaml: tools\[0\] \(acme-flow\): ratings\.scalability: missing rating/],
    ['a rating without source', () => { const t = tool(); t.ratings.scalability.sources = []; return { tools: [t] }; }, /^org\.yaml: tools\[0\] \(acme-flow\): ratings\.scalability\.sources: empty; cite at least one source/],
    ['a rating with no sources field', () => { const t = tool(); delete t.ratings.scalability.sources; return { tools: [t] }; }, /^org\.yaml: tools\[0\] \(acme-flow\): ratings\.scalability\.sources: missing; cite/],
    ['an unknown criterion', () => { const t = tool(); t.ratings.speed = t.ratings.scalability; return { tools: [t] }; }, /^org\.yaml: tools\[0\] \(acme-flow\): ratings\.speed: unknown criterion; the criteria are ease-of-adoption,/],
    ['an unknown criterion in an override', () => ({ override: [{ id: 'mlflow', ratings: { speed: { rating: 1, text: 'x', sources: ['https://example.com'], checked: '2026-11-27' } } }] }), /^org\.yaml: override\[0\] \(mlflow\): ratings\.speed: unknown criterion/],
    ['a duplicate id (a built-in tool)', () => ({ tools: [{ ...tool(), id: 'mlflow' }] }), /^org\.yaml: tools\[0\] \(mlflow\): id: duplicate id; mlflow is already a tool/],
    ['a duplicate id (twice in the file)', () => ({ tools: [tool(), tool()] }), /^org\.yaml: tools\[1\] \(acme-flow\): id: duplicate id/],
    ['an override of a tool that does not exist', () => ({ override: [{ id: 'sagemaker', summary: 'x' }] }), /^org\.yaml: override\[0\] \(sagemaker\): id: no tool sagemaker to override; the tools are airflow, metaflow, kubeflow, mlflow/],
    ['an exclude of a tool that does not exist', () => ({ exclude: [{ tool: 'sagemaker', reason: 'x' }] }), /^org\.yaml: exclude\[0\] \(sagemaker\): tool: no tool sagemaker to exclude/],
    ['an exclude without a reason', () => ({ exclude: [{ tool: 'kubeflow' }] }), /^org\.yaml: exclude\[0\] \(kubeflow\): reason: missing/],
    ['a rating out of range', () => { const t = tool(); t.ratings.scalability.rating = 7; return { tools: [t] }; }, /^org\.yaml: tools\[0\] \(acme-flow\): ratings\.scalability\.rating: /],
    ['a source that is not one', () => { const t = tool(); t.ratings.scalability.sources = ['http://example.com']; return { tools: [t] }; }, /ratings\.scalability\.sources\.0: a source is seed:ID/],
    ['a field the built-in tools require', () => { const t = tool(); delete t.summary; return { tools: [t] }; }, /^org\.yaml: tools\[0\] \(acme-flow\): summary: missing/],
    ['a misspelt field', () => ({ tools: [{ ...tool(), strenghts: [] }] }), /^org\.yaml: tools\[0\] \(acme-flow\): unknown field "strenghts"/],
    ['a misspelt section', () => ({ tool: [tool()] }), /^org\.yaml: \(top level\): unknown field "tool"/],
    ['a bad tool id', () => ({ tools: [{ ...tool(), id: 'Acme Flow' }] }), /^org\.yaml: tools\[0\] \(Acme Flow\): id: a tool id is lower case/],
    ['not an object', () => ['acme'], /^org\.yaml: a catalog file is an object/],
  ];
  it.each(cases)('%s: one line naming the file, the tool and the field', (_what, doc, message) => {
    expect(problem(doc())).toMatch(message);
  });

  it('says how many more problems there are', () => {
    const t = tool();
    delete t.ratings.scalability;
    delete t.ratings.governance;
    expect(problem({ tools: [t] })).toMatch(/missing rating \(and 1 more: governance\)/);
  });
});

describe('the catalog file schema', () => {
  it('is derived from the built-in tool schema: each of its fields is a field of a catalog tool', () => {
    const schema = catalogJsonSchema() as any;
    const tool = schema.properties.tools.items;
    for (const key of Object.keys(catalog.tools[0]!)) expect(tool.properties).toHaveProperty(key);
    expect(tool.required).toEqual(expect.arrayContaining(['id', 'name', 'facts', 'ratings']));
    expect(schema.properties.exclude.items.required).toEqual(['tool', 'reason']);
  });

  it('validates the shipped landscape (ajv), as the loader does', () => {
    const doc = parse(readFileSync(new URL('../../examples/landscape.yaml', import.meta.url), 'utf8'), { schema: 'core' });
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(catalogJsonSchema());
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(parseCatalogFile(doc, 'landscape.yaml').tools).toHaveLength(5);
  });
});

describe('the example landscape', () => {
  const doc = parse(readFileSync(new URL('../../examples/landscape.yaml', import.meta.url), 'utf8'), { schema: 'core' });
  const cat = applyCatalogFile(catalog, parseCatalogFile(doc, 'landscape.yaml'), 'landscape.yaml');

  it('adds ZenML, Prefect, Dagster, Flyte and Weights & Biases, and passes the built-in checks', () => {
    expect(cat.tools.map((t) => t.id)).toEqual(['airflow', 'metaflow', 'kubeflow', 'mlflow', 'zenml', 'prefect', 'dagster', 'flyte', 'wandb']);
    const claims = claimIds(readFileSync(new URL('../../data/seed/digest.md', import.meta.url), 'utf8'));
    expect(() => validateCatalog(cat, claims)).not.toThrow();
  });

  it('cites official https pages for every rating and fact, and is dated', () => {
    expect(doc.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const t of doc.tools) {
      for (const r of Object.values(t.ratings) as { sources: string[] }[]) for (const s of r.sources) expect(s).toMatch(/^https:\/\//);
      for (const f of t.facts) expect(f.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never lets Weights & Biases alone meet a scheduling need', () => {
    const r = recommend(withDefaults({ needs: ['scheduling'], tracking: 'essential' }), cat, fast);
    expect(r.recommendation.tools).not.toEqual(['wandb']);
  });
});

describe('the library', () => {
  it('takes catalogs as objects', () => {
    const r = libraryRecommend({ existingTools: ['acme-flow'] }, { catalog: fifthTool(), samples: 20 });
    expect(r.ranking).toHaveLength(5);
    expect(r.answers.existingTools).toEqual(['acme-flow']);
    expect(libraryRecommend({}, { catalog: [fifthTool('acme-a'), fifthTool('acme-b', { name: 'Acme B' })], samples: 20 }).ranking).toHaveLength(6);
  });

  it('throws an InputError for a bad catalog, and for a tool only a catalog has', () => {
    expect(() => libraryRecommend({}, { catalog: { override: [{ id: 'sagemaker' }] } as never })).toThrow(InputError);
    expect(() => libraryRecommend({}, { catalog: { override: [{ id: 'sagemaker' }] } as never })).toThrow(/^catalog: override\[0\] \(sagemaker\): id: no tool/);
    expect(() => libraryRecommend({ existingTools: ['acme-flow'] })).toThrow(InputError);
  });
});

describe('a catalog of twenty tools', () => {
  const big = withFile(syntheticTools(16, 7));

  it('ranks every tool and keeps the best ten stacks, the recommended one first', () => {
    for (const [name, answers] of Object.entries(ANSWER_SETS)) {
      const r = recommend(withDefaults(answers), big, fast);
      expect(r.ranking, name).toHaveLength(20);
      expect(r.combinations.length, name).toBeLessThanOrEqual(10);
      if (r.recommendation.tools.length > 1) expect(r.combinations[0]!.tools, name).toEqual(r.recommendation.tools);
      const scores = r.combinations.map((s) => s.score);
      expect(scores, name).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('takes fewer sensitivity samples, in proportion to the tools beyond nine, and says so', () => {
    const all = catalog.model.sensitivity.samples;
    const r = recommend(withDefaults(), big);
    expect(r.recommendation.confidenceText).toContain(` of ${Math.max(100, Math.round((all * 9) / 20))} plausible`);
    expect(recommend(withDefaults(), catalog).recommendation.confidenceText).toContain(` of ${all} plausible`);
  });

  it('decides as the full engine does, and each flip it claims is true', () => {
    for (const [name, answers] of Object.entries(ANSWER_SETS)) {
      const full = withDefaults(answers);
      const r = recommend(full, big, { samples: 0 });
      expect(recommendedTools(full, big), name).toEqual(r.recommendation.tools);
      for (const f of r.recommendation.flips) {
        expect(recommend({ ...full, [f.question]: f.value }, big, { samples: 0, skipChanges: true }).recommendation.tools, `${name}: ${f.question}`).toEqual(f.tools);
      }
    }
  });
});

describe('limits', () => {
  it('refuses a __proto__ key anywhere, and more than MAX_TOOLS tools', () => {
    const doc = JSON.parse('{"override": [{"id": "mlflow", "__proto__": {"polluted": true}}]}');
    expect(problem(doc)).toBe('org.yaml: override.0.__proto__: a "__proto__" key is not allowed.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problem(syntheticTools(MAX_TOOLS - catalog.tools.length + 1))).toMatch(/too many tools: at most 30 in all/);
    expect(withFile(syntheticTools(MAX_TOOLS - catalog.tools.length)).tools).toHaveLength(MAX_TOOLS);
  });
});
