import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import type { Catalog } from '../../src/catalog/schema.js';
import { buildContext, penaltyPerNewTool, rawWeights } from '../../src/engine/context.js';
import { recommend, recommendedTools } from '../../src/engine/recommend.js';
import { bestOption, decide, scoreOptions, stackPenalty } from '../../src/engine/score.js';
import type { Answers, Core } from '../../src/engine/types.js';
import type { ToolId } from '../../src/catalog/ids.js';
import { copyCatalog, withDefaults } from '../helpers/catalog.js';

const fast = { samples: 0, skipChanges: true } as const;
/** A stack with each member on the target it would run on alone. */
const scoreStack = (tools: ToolId[], ctx: Core) => scoreOptions(tools.map((t) => bestOption(t, ctx).options[0]!), ctx);
const targetOf = (r: ReturnType<typeof recommend>, tool: string) => r.ranking.find((t) => t.tool === tool)!.target?.id;

describe('weights', () => {
  it('start from the base weights and move by the answer rules', () => {
    const base = rawWeights(withDefaults({ tracking: 'nice-to-have' }), catalog);
    const essential = rawWeights(withDefaults({ tracking: 'essential' }), catalog);
    expect(essential.get('experiment-tracking')! - base.get('experiment-tracking')!).toBe(4);
    expect(essential.get('model-registry')! - base.get('model-registry')!).toBe(3);
  });

  it('scale a criterion away when the need is absent', () => {
    expect(rawWeights(withDefaults({ orchestration: 'none' }), catalog).get('orchestration')).toBe(0);
  });

  it('never go below zero', () => {
    const w = rawWeights(withDefaults({ teamSize: 'large', opsExpertise: 'expert', mlExpertise: 'expert' }), catalog);
    for (const v of w.values()) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('are normalised to add up to 1, and reported in the result', () => {
    const r = recommend(withDefaults({ needs: ['model-serving', 'lineage'] }), catalog, fast);
    const sum = r.weights.reduce((s, w) => s + w.weight, 0);
    expect(sum).toBeCloseTo(1, 3);
  });

  it('add a continuity criterion only when the team already runs tools', () => {
    expect(rawWeights(withDefaults(), catalog).has('continuity')).toBe(false);
    expect(rawWeights(withDefaults({ existingTools: ['airflow'] }), catalog).get('continuity')).toBeGreaterThan(0);
  });
});

describe('deployment targets', () => {
  it('rule Kubeflow out where no target fits (no cluster, not on Google Cloud), saying why and what lifts it', () => {
    const r = recommend(withDefaults({ kubernetes: 'none', cloud: 'aws', opsExpertise: 'expert' }), catalog, fast);
    const kf = r.ranking.find((t) => t.tool === 'kubeflow')!;
    expect(kf.excluded).toBe(true);
    expect(kf.target).toBeUndefined();
    expect(kf.rank).toBe(4);
    expect(kf.exclusion!.text).toMatch(/Vertex AI Pipelines/);
    expect(kf.exclusion!.liftedBy).toContainEqual({ question: 'kubernetes', value: 'planned' });
    expect(kf.exclusion!.liftedBy).toContainEqual({ question: 'cloud', value: 'gcp' });
    expect(r.recommendation.tools).not.toContain('kubeflow');
    expect(r.combinations.every((c) => !c.tools.includes('kubeflow'))).toBe(true);
  });

  it('run Kubeflow without a cluster exactly where Vertex AI Pipelines is', () => {
    const gcp = recommend(withDefaults({ kubernetes: 'none', cloud: 'gcp' }), catalog, fast);
    expect(targetOf(gcp, 'kubeflow')).toBe('vertex-ai-pipelines');
    expect(gcp.ranking.find((t) => t.tool === 'kubeflow')!.target!.managed).toBe(true);
    const selfHosted = recommend(withDefaults({ kubernetes: 'none', cloud: 'gcp', hosting: 'self-hosted-only' }), catalog, fast);
    expect(selfHosted.ranking.find((t) => t.tool === 'kubeflow')!.excluded).toBe(true);
    const onPlatform = recommend(withDefaults({ kubernetes: 'none', cloud: 'multi', platform: 'vertex-ai' }), catalog, fast);
    expect(targetOf(onPlatform, 'kubeflow')).toBe('vertex-ai-pipelines');
    const cluster = recommend(withDefaults({ kubernetes: 'production', cloud: 'aws' }), catalog, fast);
    expect(targetOf(cluster, 'kubeflow')).toBe('kubeflow-kubernetes');
  });

  it('keep Metaflow local-only off AWS without Kubernetes, where it schedules nothing', () => {
    const a = withDefaults({ cloud: 'on-prem', kubernetes: 'none', needs: ['scheduling'] });
    const r = recommend(a, catalog, fast);
    expect(targetOf(r, 'metaflow')).toBe('metaflow-local');
    expect(r.recommendation.tools).not.toContain('metaflow');
    const aws = recommend(withDefaults({ cloud: 'aws', kubernetes: 'none', needs: ['scheduling'] }), catalog, fast);
    expect(targetOf(aws, 'metaflow')).toBe('metaflow-aws');
  });

  it('offer managed targets only on the team\'s cloud, and none to a self-hosted-only team', () => {
    const aws = recommend(withDefaults({ cloud: 'aws' }), catalog, fast);
    const offered = aws.ranking.flatMap((t) => t.offerings ?? []).map((o) => o.id);
    expect(offered).toEqual(expect.arrayContaining(['airflow-mwaa', 'mlflow-sagemaker']));
    expect(offered).not.toContain('vertex-ai-pipelines');
    expect(offered).not.toContain('mlflow-azureml');
    for (const o of aws.ranking.flatMap((t) => t.offerings ?? [])) expect(o.url).toMatch(/^https:\/\//);
    const own = recommend(withDefaults({ cloud: 'aws', hosting: 'self-hosted-only' }), catalog, fast);
    expect(own.ranking.flatMap((t) => t.offerings ?? [])).toEqual([]);
    for (const t of own.ranking) if (t.target) expect(t.target.managed).toBe(false);
  });

  it('lower the ops burden on a managed target, and more on the team\'s own platform', () => {
    const ops = (a: Partial<Answers>) => {
      const ctx = buildContext(withDefaults(a), catalog);
      const i = ctx.criteria.findIndex((c) => c.id === 'ops-overhead');
      return Math.max(...ctx.options.mlflow!.map((o) => o.ratings[i]!));
    };
    expect(ops({ cloud: 'aws' })).toBeGreaterThan(ops({ cloud: 'on-prem' }));
    expect(ops({ cloud: 'azure', platform: 'databricks' })).toBe(5);
  });

  it('keep a tool the team runs even where its answers leave no target', () => {
    const r = recommend(withDefaults({ kubernetes: 'none', cloud: 'aws', existingTools: ['kubeflow'] }), catalog, fast);
    expect(r.ranking.find((t) => t.tool === 'kubeflow')!.excluded).toBe(false);
  });
});

describe('must-haves', () => {
  it('bind: scheduling is never met by MLflow alone', () => {
    const r = recommend(withDefaults({ tracking: 'essential', orchestration: 'none', needs: ['scheduling'], priority: 'cost' }), catalog, fast);
    expect(r.recommendation.tools).not.toEqual(['mlflow']);
    expect(r.recommendation.unmet).toEqual([]);
  });

  it('say plainly what no tool or stack can meet, and still rank the closest', () => {
    const r = recommend(withDefaults({ cloud: 'aws', kubernetes: 'none', needs: ['hyperparameter-tuning'] }), catalog, fast);
    expect(r.recommendation.unmet.map((u) => u.requirement)).toEqual(['hyperparameter-tuning']);
    expect(r.recommendation.summary).toMatch(/No tool or combination of the four meets every must-have/);
    expect(r.recommendation.tools.length).toBeGreaterThan(0);
  });

  it('R in maintenance mode does not meet an R must-have; MLflow\'s R API does', () => {
    const r = recommend(withDefaults({ languages: ['r'], cloud: 'aws' }), catalog, fast);
    expect(r.recommendation.tools).toContain('mlflow');
    expect(r.recommendation.unmet).toEqual([]);
    expect(r.ranking.find((t) => t.tool === 'metaflow')!.reasons.some((x) => /Misses a must-have: models are written in R/.test(x.text))).toBe(true);
  });
});

describe('scores', () => {
  it('are the sum of the breakdown contributions, within 0 and 100', () => {
    const r = recommend(withDefaults({ workloads: ['deep-learning', 'llm-genai'], cloud: 'aws', budget: 'generous' }), catalog, fast);
    for (const t of r.ranking) {
      const sum = t.breakdown.reduce((s, b) => s + b.contribution, 0);
      expect(Math.abs(sum - t.score)).toBeLessThanOrEqual(0.5);
      expect(t.score).toBeGreaterThanOrEqual(0);
      expect(t.score).toBeLessThanOrEqual(100);
    }
  });
});

describe('ranking', () => {
  it('is deterministic, and breaks ties by catalog order', () => {
    const cat: Catalog = copyCatalog();
    // Make Metaflow a copy of MLflow, each on one plain target: equal scores everywhere.
    cat.ratings.metaflow = structuredClone(cat.ratings.mlflow!);
    const plain = cat.targets.find((t) => t.id === 'mlflow-self-hosted')!;
    cat.targets = cat.targets.filter((t) => t.tool !== 'metaflow' && t.tool !== 'mlflow');
    cat.targets.push({ ...structuredClone(plain), id: 'mf', tool: 'metaflow' }, { ...structuredClone(plain), id: 'ml', tool: 'mlflow' });
    const r1 = recommend(withDefaults(), cat, fast);
    const r2 = recommend(withDefaults(), cat, fast);
    expect(r1).toEqual(r2);
    const mf = r1.ranking.find((t) => t.tool === 'metaflow')!;
    const ml = r1.ranking.find((t) => t.tool === 'mlflow')!;
    expect(mf.score).toBe(ml.score);
    expect(mf.rank).toBeLessThan(ml.rank);
    expect(r1.ranking.map((t) => t.rank)).toEqual([1, 2, 3, 4]);
  });
});

describe('combinations', () => {
  it('take the best capability of any member and the hardest cost', () => {
    const ctx = buildContext(withDefaults({ kubernetes: 'production', opsExpertise: 'expert' }), catalog);
    const pair = scoreStack(['kubeflow', 'mlflow'], ctx);
    const idx = (id: string) => ctx.criteria.findIndex((c) => c.id === id);
    expect(pair.ratings[idx('experiment-tracking')]).toBe(5); // MLflow's
    expect(pair.ratings[idx('distributed-training')]).toBe(5); // Kubeflow's
    expect(pair.ratings[idx('ease-of-adoption')]).toBe(bestOption('kubeflow', ctx).ratings[idx('ease-of-adoption')]); // the harder
  });

  it('pay for every seam between new tools, and less for tools already run', () => {
    const ctx = buildContext(withDefaults(), catalog);
    const p = penaltyPerNewTool(withDefaults(), catalog);
    expect(stackPenalty(['mlflow'], ctx)).toBe(0);
    expect(stackPenalty(['airflow', 'mlflow'], ctx)).toBe(p);
    expect(stackPenalty(['airflow', 'metaflow', 'mlflow'], ctx)).toBe(3 * p);
    const running = buildContext(withDefaults({ existingTools: ['airflow'] }), catalog);
    expect(stackPenalty(['airflow', 'mlflow'], running)).toBe(p);
    const both = buildContext(withDefaults({ existingTools: ['airflow', 'mlflow'] }), catalog);
    expect(stackPenalty(['airflow', 'mlflow'], both)).toBe(0);
  });

  it('cost more for small teams without platform capacity than for large expert ones', () => {
    const small = penaltyPerNewTool(withDefaults({ teamSize: 'solo', opsExpertise: 'none', budget: 'minimal' }), catalog);
    const large = penaltyPerNewTool(withDefaults({ teamSize: 'large', opsExpertise: 'expert', budget: 'generous' }), catalog);
    expect(small).toBeGreaterThan(large);
  });

  it('are recommended only when they beat the best single tool by the margin', () => {
    const answers = withDefaults({ teamSize: 'medium', opsExpertise: 'intermediate', tracking: 'essential', orchestration: 'complex', workloads: ['data-engineering'], needs: ['scheduling', 'many-integrations'] });
    const ctx = buildContext(answers, catalog);
    const d = decide(ctx);
    const bestSingle = Math.max(...d.singles.filter((s) => !ctx.excluded.has(s.tools[0]!) && s.gaps.length === 0).map((s) => s.score));
    expect(d.tools.length).toBeGreaterThan(1);
    expect(d.stacks[0]!.score - bestSingle).toBeGreaterThanOrEqual(ctx.margin);
    // With a margin nobody can beat, the stack still stands where no single tool meets every
    // must-have; without the must-haves, the single tool stands.
    expect(d.singles.filter((s) => !ctx.excluded.has(s.tools[0]!)).every((s) => s.gaps.length > 0)).toBe(true);
    expect(decide({ ...ctx, margin: 1000 }).tools).toEqual(d.tools);
    expect(decide({ ...ctx, margin: 1000, requirements: [] }).tools).toHaveLength(1);
  });

  it('list what the stack covers and why each member is there', () => {
    const r = recommend(withDefaults({ kubernetes: 'production', opsExpertise: 'expert', tracking: 'essential', needs: ['distributed-training'] }), catalog, fast);
    const kfml = r.combinations.find((c) => c.tools.join() === 'kubeflow,mlflow')!;
    expect(kfml.covers).toEqual(expect.arrayContaining(['experiment-tracking', 'distributed-training']));
    expect(kfml.reasons.some((x) => x.text.startsWith('MLflow') && x.text.includes(' brings '))).toBe(true);
    expect(kfml.reasons.some((x) => x.text.startsWith('Kubeflow on your Kubernetes cluster brings'))).toBe(true);
    expect(kfml.targets!.map((t) => t.id)).toEqual(['kubeflow-kubernetes', expect.stringMatching(/^mlflow-/)]);
  });
});

describe('confidence and flips', () => {
  it('are reproducible for equal input and within bounds', () => {
    const a = recommend(withDefaults({ teamSize: 'medium' }), catalog);
    const b = recommend(withDefaults({ teamSize: 'medium' }), catalog);
    expect(a.recommendation).toEqual(b.recommendation);
    expect(a.recommendation.confidence).toBeGreaterThanOrEqual(0);
    expect(a.recommendation.confidence).toBeLessThanOrEqual(1);
    const chances = a.ranking.reduce((s, t) => s + t.firstChance, 0);
    expect(chances).toBeCloseTo(1, 2);
  });

  it('name only single-answer changes that really give the tools they claim', () => {
    const answers = withDefaults({ tracking: 'essential' });
    const r = recommend(answers, catalog);
    expect(r.recommendation.flips.length).toBeGreaterThan(0);
    for (const f of r.recommendation.flips) {
      const again = recommendedTools({ ...answers, [f.question]: f.value }, catalog);
      expect([...again].sort()).toEqual([...f.tools].sort());
      expect([...f.tools].sort()).not.toEqual([...r.recommendation.tools].sort());
    }
  });
});

describe('roadmap', () => {
  it('keeps what the team runs and adopts the rest now', () => {
    const r = recommend(withDefaults({ existingTools: ['airflow'], tracking: 'essential' }), catalog, { samples: 0 });
    expect(r.roadmap[0]).toMatchObject({ stage: 'now', tools: r.recommendation.tools });
    expect(r.roadmap[0]!.text).toMatch(/^Keep Apache Airflow and adopt MLflow now/);
  });

  it('adds tools later only where the engine, re-run with the trigger and today\'s tools in use, says so', () => {
    for (const answers of [withDefaults(), withDefaults({ tracking: 'essential' }), withDefaults({ existingTools: ['mlflow'] }), withDefaults({ teamSize: 'medium', opsExpertise: 'intermediate' })]) {
      const r = recommend(answers, catalog, { samples: 0 });
      const now = r.recommendation.tools;
      const later = r.roadmap.filter((s) => s.stage === 'later');
      for (const stage of later) {
        const next: Answers = { ...answers, existingTools: [...new Set([...(answers.existingTools as string[]), ...now])] };
        for (const w of stage.when!) next[w.question] = w.value;
        expect([...recommendedTools(next, catalog)].sort()).toEqual([...stage.tools].sort());
        expect(stage.adds.length).toBeGreaterThan(0);
        for (const t of stage.adds) expect(now).not.toContain(t);
        expect(stage.sources.length).toBeGreaterThan(0);
      }
    }
    const withLater = recommend(withDefaults({ tracking: 'essential' }), catalog, { samples: 0 });
    expect(withLater.roadmap.some((s) => s.stage === 'later')).toBe(true);
  });
});
