// --catalog through the built binary: a fifth tool in recommend, explain, compare, questions and
// completion; `catalog` in an answers file (relative to it); the shipped landscape by name;
// `schema catalog`; and each bad catalog as exit 2 with one line on stderr and nothing on stdout.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fifthTool } from '../helpers/catalog.js';
import { hasStack, run } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const { dir, file } = tempDir('advisor-catalog-e2e-');
const acme = file('acme.yaml', stringify(fifthTool()));

describe('a catalog that adds a fifth tool', () => {
  it('recommend ranks it and stacks it, takes it as a tool the team runs and in --expect', () => {
    const r = run(['recommend', '--json', '--catalog', acme, '--existing-tools', 'acme-flow,mlflow']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ranking.map((t: { tool: string }) => t.tool)).toContain('acme-flow');
    expect(doc.ranking).toHaveLength(5);
    expect(doc.combinations.some((s: { tools: string[] }) => s.tools.includes('acme-flow'))).toBe(true);
    expect(doc.answers.existingTools).toEqual(['mlflow', 'acme-flow']);
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(run(['schema']).stdout));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const gate = run(['recommend', '--json', '--catalog', acme, '--existing-tools', 'acme-flow', '--expect', 'acme-flow']);
    expect([0, 3]).toContain(gate.code);
    expect(gate.stderr).not.toMatch(/not a tool/);
  });

  it('explain, compare and questions show it; completion completes it', () => {
    const explain = run(['explain', 'acme-flow', '--catalog', acme, '--json']);
    expect(explain.code, explain.stderr).toBe(0);
    expect(JSON.parse(explain.stdout)).toMatchObject({ id: 'acme-flow', name: 'Acme Flow' });
    const compare = JSON.parse(run(['compare', '--json', '--catalog', acme]).stdout);
    expect(compare.tools.map((t: { id: string }) => t.id)).toContain('acme-flow');
    const questions = JSON.parse(run(['questions', '--json', '--catalog', acme]).stdout);
    expect(questions.find((q: { id: string }) => q.id === 'existingTools').choices.map((c: { value: string }) => c.value)).toContain('acme-flow');
    const bash = run(['completion', 'bash', '--catalog', acme]);
    expect(bash.code, bash.stderr).toBe(0);
    expect(bash.stdout).toMatch(/explain\) COMPREPLY=\(\$\(compgen -W 'airflow metaflow kubeflow mlflow acme-flow'/);
    expect(bash.stdout).toMatch(/--existing-tools\) _mlflow_advisor_list 'airflow metaflow kubeflow mlflow acme-flow'/);
  });

  it('without the catalog, the fifth tool is unknown (exit 2)', () => {
    for (const args of [['explain', 'acme-flow'], ['recommend', '--existing-tools', 'acme-flow'], ['recommend', '--expect', 'acme-flow']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('an answers file names catalogs relative to itself', () => {
    mkdirSync(join(dir, 'team'));
    const answers = file('team/answers.yaml', 'teamSize: small\nexistingTools: [acme-flow]\ncatalog: ../acme.yaml\n');
    const r = run(['recommend', '--json', '--answers', answers], { cwd: tmpdir() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answers.existingTools).toEqual(['acme-flow']);
  });
});

describe('the shipped landscape', () => {
  it('is usable by name and by path', () => {
    const r = run(['recommend', '--json', '--catalog', 'landscape', '--tracking', 'essential']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ranking.map((t: { tool: string }) => t.tool).sort()).toEqual(['airflow', 'dagster', 'flyte', 'kubeflow', 'metaflow', 'mlflow', 'prefect', 'wandb', 'zenml']);
    const compare = run(['compare', '--catalog', 'examples/landscape.yaml'], { cwd: join(__dirname, '..', '..') });
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toContain('Weights & Biases');
  });

  it('validates against `schema catalog`', () => {
    const schema = run(['schema', 'catalog']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).title).toMatch(/catalog file/);
  });
});

describe('bad catalogs', () => {
  const tool = () => fifthTool().tools[0] as Record<string, any>;
  const cases: [string, () => string, RegExp][] = [
    ['missing rating', () => { const t = tool(); delete t.ratings.governance; return stringify({ tools: [t] }); }, /tools\[0\] \(acme-flow\): ratings\.governance: missing rating/],
    ['rating without source', () => { const t = tool(); t.ratings.governance.sources = []; return stringify({ tools: [t] }); }, /tools\[0\] \(acme-flow\): ratings\.governance\.sources: empty/],
    ['unknown criterion', () => { const t = tool(); t.ratings.speed = t.ratings.governance; return stringify({ tools: [t] }); }, /tools\[0\] \(acme-flow\): ratings\.speed: unknown criterion/],
    ['duplicate id', () => stringify({ tools: [{ ...tool(), id: 'airflow' }] }), /tools\[0\] \(airflow\): id: duplicate id/],
    ['override of a tool that does not exist', () => stringify({ override: [{ id: 'sagemaker', summary: 'x' }] }), /override\[0\] \(sagemaker\): id: no tool sagemaker/],
    ['exclude of a tool that does not exist', () => stringify({ exclude: [{ tool: 'sagemaker', reason: 'x' }] }), /exclude\[0\] \(sagemaker\): tool: no tool sagemaker/],
    ['not YAML', () => 'tools: [\n', /not valid YAML/],
    ['empty', () => '', /empty/],
  ];
  it.each(cases)('%s: exit 2, one line naming the file', (name, content, message) => {
    const path = file(`${name.replace(/\W+/g, '-')}.yaml`, content());
    const r = run(['recommend', '--json', '--catalog', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(hasStack(r.stderr)).toBe(false);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toMatch(message);
  });

  it('a missing file or a directory: exit 2', () => {
    expect(run(['compare', '--catalog', join(dir, 'nope.yaml')])).toMatchObject({ code: 2 });
    expect(run(['compare', '--catalog', dir]).stderr).toMatch(/is a directory/);
  });
});

describe('--save with catalogs', () => {
  it('saves the catalogs with the answers, relative to the saved file, so the replay sees the same tools', () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    const saved = join(dir, 'out', 'answers.json');
    const r = run(['recommend', '--json', '--catalog', acme, '--catalog', 'landscape', '--existing-tools', 'acme-flow,zenml', '--save', saved]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(saved, 'utf8'));
    expect(doc.catalog).toEqual(['../acme.yaml', 'landscape']);
    const replay = run(['recommend', '--json', '--answers', saved], { cwd: tmpdir() });
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout).recommendation).toEqual(JSON.parse(r.stdout).recommendation);
  });
});

describe('team mode with a catalog', () => {
  it("checks each member's answers against the catalog's tools", () => {
    const a = file('ann.yaml', 'teamSize: small\nexistingTools: [acme-flow]\n');
    const b = file('ben.yaml', 'teamSize: large\ncatalog: acme.yaml\n');
    const r = run(['recommend', '--json', '--answers', a, '--answers', b]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.team.members.map((m: { name: string }) => m.name)).toEqual(['ann', 'ben']);
    expect(doc.answers.existingTools).toEqual(['acme-flow']);
    expect(run(['recommend', '--json', '--answers', a])).toMatchObject({ code: 2 });
  });
});

describe('the decision record', () => {
  it('names the --catalog files in its CI line, so the gate it records runs', () => {
    const r = run(['recommend', '--format', 'markdown', '--no-interactive', '--catalog', 'landscape', '--tracking', 'essential']);
    expect(r.code, r.stderr).toBe(0);
    const line = /Kept honest in CI by: `(mlflow-advisor [^`]+)`/.exec(r.stdout)![1]!;
    expect(line).toContain('--catalog landscape');
    const answers = file('record.json', JSON.stringify({ tracking: 'essential' }));
    const args = line.replace('mlflow-advisor ', '').replace('ANSWERS.json', answers).split(' ');
    expect(run(args).code).toBe(0);
  });
});
