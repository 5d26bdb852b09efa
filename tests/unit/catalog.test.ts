import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { readFileSync } from 'node:fs';
import { CatalogError, claimTopics, offTopicCitations, validateCatalog } from '../../src/catalog/validate.js';
import { claims, copyCatalog } from '../helpers/catalog.js';

describe('the built-in catalog', () => {
  it('validates, with every seed citation naming a claim of the digest', () => {
    expect(() => validateCatalog(catalog, claims)).not.toThrow();
  });

  it('rates every tool on at least 12 criteria, each rating with a source', () => {
    expect(catalog.criteria.length).toBeGreaterThanOrEqual(12);
    for (const tool of catalog.tools) {
      for (const c of catalog.criteria) {
        const r = catalog.ratings[tool.id]![c.id]!;
        expect(r.rating, `${tool.id}/${c.id}`).toBeGreaterThanOrEqual(0);
        expect(r.rating).toBeLessThanOrEqual(5);
        expect(r.sources.length, `${tool.id}/${c.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('explains every choice in one line, for someone new to the field', () => {
    for (const q of catalog.questions) {
      for (const c of q.choices) {
        expect(c.help, `${q.id}=${c.value}`).toBeTruthy();
        expect(c.help!.length, `${q.id}=${c.value}`).toBeLessThanOrEqual(100);
      }
    }
    // Budgets come with a sense of scale.
    expect(catalog.questions.find((q) => q.id === 'budget')!.choices.filter((c) => /\$|dollar/.test(c.help!)).length).toBeGreaterThanOrEqual(2);
  });

  it('asks about tracking and the model registry once each', () => {
    const mentions = catalog.questions.filter((q) => /model registry/i.test(q.prompt) || q.choices.some((c) => /model registry/i.test(c.label)));
    expect(mentions.map((q) => q.id)).toEqual(['needs']);
  });

  it('has the contract questions with their values', () => {
    const ids = catalog.questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining([
      'teamSize', 'mlExpertise', 'opsExpertise', 'kubernetes', 'kubernetesExpertise', 'budget', 'tracking',
      'orchestration', 'cloud', 'languages', 'workloads', 'needs', 'priority', 'existingTools',
    ]));
    const values = (id: string) => catalog.questions.find((q) => q.id === id)!.choices.map((c) => c.value);
    expect(values('cloud')).toEqual(['aws', 'gcp', 'azure', 'on-prem', 'multi', 'none']);
    expect(values('needs')).toHaveLength(8);
  });
});

describe('a broken catalog', () => {
  it('names a missing rating', () => {
    const cat = copyCatalog();
    delete cat.ratings.mlflow!['model-registry'];
    expect(() => validateCatalog(cat, claims)).toThrow(/ratings\.mlflow: no rating for model-registry/);
  });

  it('names a rating without a source', () => {
    const cat = copyCatalog();
    cat.ratings.airflow!['orchestration']!.sources = [];
    expect(() => validateCatalog(cat)).toThrow(CatalogError);
  });

  it('names a citation of a claim the digest does not have', () => {
    const cat = copyCatalog();
    cat.ratings.airflow!['orchestration']!.sources = ['seed:AF-99'];
    expect(() => validateCatalog(cat, claims)).toThrow(/seed:AF-99: no such claim/);
  });

  it('names a rule on an unknown answer value', () => {
    const cat = copyCatalog();
    cat.model.weightRules[0]!.value = 'gigantic';
    expect(() => validateCatalog(cat)).toThrow(/teamSize has no value gigantic/);
  });

  it('rejects a source that is neither seed:ID nor https', () => {
    const cat = copyCatalog();
    cat.tools[0]!.strengths[0]!.sources = ['http://example.com'];
    expect(() => validateCatalog(cat)).toThrow(/tools\.0\.strengths\.0\.sources\.0/);
  });
});

describe('citations and dates', () => {
  const topics = claimTopics(readFileSync(new URL('../../data/seed/digest.md', import.meta.url), 'utf8'));

  it('reads the topic of each claim: its section, or the tools a guidance claim names', () => {
    expect([...topics.get('KF-12')!]).toEqual(['kubeflow']);
    expect([...topics.get('G-5')!].sort()).toEqual(['kubeflow', 'mlflow']);
    expect(topics.get('G-9')!.size).toBe(0);
  });

  it('cites a seed claim for a tool only when the claim is about that tool', () => {
    expect(offTopicCitations(catalog, topics)).toEqual([]);
    const cat = copyCatalog();
    cat.tools.find((t) => t.id === 'metaflow')!.facts[0]!.sources.push('seed:KF-12');
    cat.ratings.mlflow!['governance']!.sources = ['seed:G-4'];
    cat.targets.find((t) => t.id === 'metaflow-aws')!.nextSteps[0]!.sources.push('seed:G-5');
    expect(offTopicCitations(cat, topics)).toEqual([
      'tools.metaflow.facts[0]: seed:KF-12 is not about metaflow',
      'ratings.mlflow.governance: seed:G-4 is not about mlflow',
      'targets.metaflow-aws.nextSteps[0]: seed:G-5 is not about metaflow',
    ]);
  });

  it('dates every fact, rating, target and first step, and refuses one without a date', () => {
    const dated = [
      ...catalog.tools.flatMap((t) => [...t.facts, ...t.strengths, ...t.tradeOffs]),
      ...Object.values(catalog.ratings).flatMap((r) => Object.values(r ?? {})),
      ...catalog.targets.flatMap((t) => [t, ...Object.values(t.ratings), ...t.nextSteps]),
      ...catalog.model.glue,
    ];
    for (const x of dated) expect(x.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cat = copyCatalog();
    delete (cat.tools[0]!.facts[0] as { checked?: string }).checked;
    expect(() => validateCatalog(cat)).toThrow(/tools\.0\.facts\.0\.checked/);
  });

  it('gives every tool at least one way to run, and names its requirements with real answers', () => {
    for (const tool of catalog.tools) expect(catalog.targets.some((t) => t.tool === tool.id), tool.id).toBe(true);
    const cat = copyCatalog();
    cat.targets[0]!.requires = { cloud: ['mars'] };
    expect(() => validateCatalog(cat)).toThrow(/targets\.airflow-self-hosted: cloud has no value mars/);
  });
});
