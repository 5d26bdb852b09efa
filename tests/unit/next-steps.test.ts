// First steps follow the target the engine picked, never reinstall what the team runs, and wire
// each pair of a stack together.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend } from '../../src/engine/recommend.js';
import { withDefaults } from '../helpers/catalog.js';

const run = (a: Record<string, unknown>) => recommend(withDefaults(a as never), catalog, { samples: 0, skipChanges: true });
const text = (r: ReturnType<typeof run>) => r.nextSteps.map((s) => `${s.text} ${s.command ?? ''} ${s.code ?? ''}`).join('\n');

describe('first steps', () => {
  it('deploy Metaflow to Step Functions for an AWS team without Kubernetes, not to Argo', () => {
    const r = run({ cloud: 'aws', kubernetes: 'none', needs: ['scheduling'] });
    expect(r.recommendation.tools).toContain('metaflow');
    expect(text(r)).toMatch(/step-functions create/);
    expect(text(r)).not.toMatch(/argo-workflows/);
  });

  it('submit to Vertex AI Pipelines for a GCP team without a cluster, with no kubectl', () => {
    const r = run({ cloud: 'gcp', kubernetes: 'none', needs: ['scheduling'] });
    expect(r.recommendation.tools).toContain('kubeflow');
    expect(text(r)).toMatch(/aiplatform\.PipelineJob/);
    expect(text(r)).not.toMatch(/kubectl/);
  });

  it('never reinstall a tool the team runs: say how to connect to it instead', () => {
    const r = run({ existingTools: ['airflow'], tracking: 'essential', orchestration: 'complex', cloud: 'aws' });
    expect(r.recommendation.tools).toEqual(['airflow', 'mlflow']);
    const airflow = r.nextSteps.filter((s) => s.tool === 'airflow' && s.kind !== 'glue');
    expect(airflow.map((s) => s.kind)).toEqual(['connect']);
    expect(text(r)).not.toMatch(/pip install "apache-airflow|airflow standalone|helm upgrade --install airflow/);
  });

  it('connect managed MLflow the way its platform documents', () => {
    expect(text(run({ platform: 'sagemaker', cloud: 'aws', tracking: 'essential', orchestration: 'none' }))).toMatch(/sagemaker-mlflow/);
    expect(text(run({ platform: 'azure-ml', cloud: 'azure', tracking: 'essential', orchestration: 'none' }))).toMatch(/azureml-mlflow/);
    expect(text(run({ platform: 'databricks', cloud: 'azure', tracking: 'essential', orchestration: 'none' }))).toMatch(/MLFLOW_TRACKING_URI=databricks/);
  });

  it('give every recommended stack a glue step for each pair it wires', () => {
    for (const a of [
      { existingTools: ['airflow'], tracking: 'essential', orchestration: 'complex' },
      { kubernetes: 'production', kubernetesExpertise: 'expert', opsExpertise: 'expert', tracking: 'essential', needs: ['distributed-training'] },
      { cloud: 'aws', workloads: ['llm-genai', 'deep-learning'], needs: ['distributed-training'], tracking: 'essential' },
    ]) {
      const r = run(a);
      expect(r.recommendation.tools.length, JSON.stringify(a)).toBeGreaterThan(1);
      const glue = r.nextSteps.filter((s) => s.kind === 'glue');
      expect(glue.length).toBeGreaterThan(0);
      for (const g of glue) expect(g.code ?? g.command ?? g.text).toBeTruthy();
      if (r.recommendation.tools.includes('mlflow')) expect(glue.some((g) => /mlflow\.start_run/.test(g.code ?? ''))).toBe(true);
    }
  });
});

describe('flips', () => {
  it('change only questions the team is asked: no Kubernetes skill without Kubernetes', () => {
    for (const a of [{}, { tracking: 'essential' }, { cloud: 'aws', needs: ['scheduling'] }]) {
      const r = recommend(withDefaults({ ...a, kubernetes: 'none' } as never), catalog, { samples: 0 });
      expect(r.recommendation.flips.map((f) => f.question)).not.toContain('kubernetesExpertise');
    }
  });
});
