// Teams with known good advice: the article's own guidance, teams from common MLOps guidance, and
// an expert suite covering every cloud with and without Kubernetes, each must-have, R-only and
// GenAI teams, each ML platform, teams already running each tool and self-hosted-only teams. A
// blind suite, written without reading the model, checks that the advice generalises.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend } from '../../src/engine/recommend.js';
import { loadScenarios, withDefaults } from '../helpers/catalog.js';

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

describe.each([['seed-guidance.json'], ['outside-teams.json'], ['expert-scenarios.json']])('%s', (file) => {
  for (const s of loadScenarios(file)) {
    it(s.id, () => {
      const result = recommend(withDefaults(s.answers), catalog, { samples: 0, skipChanges: true });
      const acceptable = s.recommend.map(sorted);
      expect(acceptable).toContain(sorted(result.recommendation.tools));
      const first = result.ranking[0]!.tool;
      expect(s.notFirst ?? []).not.toContain(first);
      if (s.unmet) expect(result.recommendation.unmet.map((u) => u.requirement).sort()).toEqual([...s.unmet].sort());
      for (const [tool, target] of Object.entries(s.targets ?? {})) {
        if (result.recommendation.tools.includes(tool as never)) expect(result.ranking.find((t) => t.tool === tool)!.target?.id, tool).toBe(target);
      }
    });
  }
});

describe('the expert suite', () => {
  const expert = loadScenarios('expert-scenarios.json');
  it('has at least 40 teams, each with the sources behind its expectation', () => {
    expect(expert.length).toBeGreaterThanOrEqual(40);
    for (const s of expert) {
      expect(s.sources?.length, s.id).toBeGreaterThan(0);
      for (const src of s.sources!) expect(src).toMatch(/^(seed:[A-Z]+-\d+|https:\/\/\S+)$/);
    }
  });

  it('covers every cloud with and without Kubernetes, each must-have, each platform, each tool already run and self-hosted-only teams', () => {
    const answers = expert.map((s) => withDefaults(s.answers));
    for (const cloud of ['aws', 'gcp', 'azure', 'on-prem', 'none', 'multi']) {
      expect(answers.some((a) => a.cloud === cloud && a.kubernetes === 'none'), `${cloud} without Kubernetes`).toBe(true);
      if (cloud !== 'none') expect(answers.some((a) => a.cloud === cloud && a.kubernetes !== 'none'), `${cloud} with Kubernetes`).toBe(true);
    }
    const needs = catalog.questions.find((q) => q.id === 'needs')!.choices.map((c) => c.value);
    for (const need of needs) expect(answers.some((a) => (a.needs as string[]).includes(need)), need).toBe(true);
    expect(answers.some((a) => a.tracking === 'essential')).toBe(true);
    expect(answers.some((a) => a.orchestration === 'complex')).toBe(true);
    expect(answers.some((a) => (a.languages as string[]).join() === 'r')).toBe(true);
    expect(answers.some((a) => (a.workloads as string[]).includes('llm-genai'))).toBe(true);
    for (const p of ['databricks', 'sagemaker', 'vertex-ai', 'azure-ml']) expect(answers.some((a) => a.platform === p), p).toBe(true);
    for (const t of ['airflow', 'metaflow', 'kubeflow', 'mlflow']) expect(answers.some((a) => (a.existingTools as string[]).includes(t)), t).toBe(true);
    expect(answers.some((a) => a.hosting === 'self-hosted-only')).toBe(true);
  });
});

describe('the blind suite (written from the contract, the article and the tools\' docs, without reading the model)', () => {
  const blind = loadScenarios('blind-scenarios.json');
  const runs = blind.map((s) => {
    const result = recommend(withDefaults(s.answers), catalog, { skipChanges: true });
    const agrees = s.recommend.map(sorted).includes(sorted(result.recommendation.tools)) && !(s.notFirst ?? []).includes(result.ranking[0]!.tool);
    return { id: s.id, agrees, confidence: result.recommendation.confidence };
  });

  it('has at least 40 teams, each with its sources', () => {
    expect(blind.length).toBeGreaterThanOrEqual(40);
    for (const s of blind) expect(s.sources?.length, s.id).toBeGreaterThan(0);
  });

  it('agrees on at least 95% of the teams, and never differs with confidence of 70% or more', () => {
    const misses = runs.filter((r) => !r.agrees);
    expect(runs.length - misses.length).toBeGreaterThanOrEqual(Math.ceil(0.95 * runs.length));
    for (const m of misses) expect(m.confidence, m.id).toBeLessThan(0.7);
  });
});
