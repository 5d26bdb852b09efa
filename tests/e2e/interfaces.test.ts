// The interfaces scripts and CI use, run through the built binary: schema, answers files and
// standard input, --expect, --output, the decision record, questions, completion, help, and the
// output conventions (one JSON document, messages on stderr, colour rules, closed pipes).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ANSWER_SETS, asFlags } from '../fixtures/answer-sets.js';
import { BIN, hasStack, run } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const { dir, file } = tempDir('advisor-e2e-');
const ESC = /\u001b\[/;
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

/** The contract's core question ids. */
const CORE_IDS = ['teamSize', 'mlExpertise', 'opsExpertise', 'kubernetes', 'kubernetesExpertise', 'budget', 'tracking', 'orchestration', 'cloud', 'languages', 'workloads', 'needs', 'priority', 'existingTools'];

describe('schema', () => {
  it('validates the --json output of varied answer sets (ajv, draft 2020-12)', () => {
    const s = run(['schema']);
    expect(s.code).toBe(0);
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(s.stdout));
    for (const [name, answers] of Object.entries(ANSWER_SETS)) {
      const r = run(['recommend', '--json', ...asFlags(answers)]);
      expect({ name, code: r.code, stderr: r.stderr }).toEqual({ name, code: 0, stderr: '' });
      const doc = JSON.parse(r.stdout);
      expect({ name, errors: validate(doc) ? [] : validate.errors }).toEqual({ name, errors: [] });
    }
  });
});

describe('answers from a file, standard input and flags', () => {
  const answers = ANSWER_SETS.dataEngineering!;
  const json = JSON.stringify(answers, null, 2);
  const yaml = Object.entries(answers).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join('\n') + '\n';

  it('give identical JSON', () => {
    const outputs = [
      run(['recommend', '--json', ...asFlags(answers)]),
      run(['recommend', '--json', '--answers', file('team.json', json)]),
      run(['recommend', '--json', '--answers', file('team.yaml', yaml)]),
      run(['recommend', '--json', '--answers', '-'], { input: json }),
      run(['recommend', '--json', '--answers', '-'], { input: yaml }),
    ];
    for (const r of outputs) expect([r.code, r.stderr]).toEqual([0, '']);
    const docs = outputs.map((r) => r.stdout);
    expect(new Set(docs).size).toBe(1);
    expect(JSON.parse(docs[0]!).answers).toMatchObject(answers);
  });

  it('let a flag override the file', () => {
    const r = run(['recommend', '--json', '--answers', file('team.json', json), '--team-size', 'solo', '--existing-tools', '']);
    const doc = JSON.parse(r.stdout);
    expect(doc.answers).toMatchObject({ ...answers, teamSize: 'solo', existingTools: [] });
    expect(doc.defaulted).toEqual(JSON.parse(run(['recommend', '--json', ...asFlags(answers)]).stdout).defaulted);
  });

  it('--save writes answers that --answers replays to the same advice', () => {
    const saved = join(dir, 'saved.json');
    const first = run(['recommend', '--json', '--save', saved, ...asFlags(answers)]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Saved answers to .*saved\.json/);
    expect(Object.keys(JSON.parse(readFileSync(saved, 'utf8')))).toEqual([...CORE_IDS, 'platform', 'hosting']);
    const replay = JSON.parse(run(['recommend', '--json', '--answers', saved]).stdout);
    const original = JSON.parse(first.stdout);
    expect(replay.defaulted).toEqual([]);
    expect({ ...replay, defaulted: [] }).toEqual({ ...original, defaulted: [] });
  });

  it('the decision record made from an answers file names that file in its CI line', () => {
    const path = file('team.json', json);
    const r = run(['recommend', '--answers', path, '--format', 'md']);
    expect(r.stdout).toContain(`mlflow-advisor recommend --answers ${path} --expect `);
  });

  it.each(['saved-team.yaml', 'saved-team.YML'])('--save %s writes YAML that --answers replays to the same advice', (name) => {
    const saved = join(dir, name);
    const first = run(['recommend', '--json', '--save', saved, ...asFlags(answers)]);
    expect(first.code).toBe(0);
    const text = readFileSync(saved, 'utf8');
    expect(text.trimStart()).not.toMatch(/^[{[]/);
    expect(parseYaml(text)).toEqual(JSON.parse(first.stdout).answers);
    const replay = JSON.parse(run(['recommend', '--json', '--answers', saved]).stdout);
    expect(replay.recommendation).toEqual(JSON.parse(first.stdout).recommendation);
  });

  it.each([
    ['an unknown key', '{"teamsize": "small"}', /^mlflow-advisor: .*bad\.json: unknown key "teamsize"\. Did you mean "teamSize"\? Known keys: teamSize, /],
    ['a bad value', '{"kubernetes": "yes"}', /^mlflow-advisor: .*bad\.json: kubernetes: "yes" is not allowed; use one of: none, planned, production\./],
    ['broken JSON', '{"kubernetes": ', /^mlflow-advisor: .*bad\.json: not valid JSON/],
  ])('refuse %s with one line and exit 2', (_what, content, message) => {
    const r = run(['recommend', '--json', '--answers', file('bad.json', content)]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('refuse empty standard input', () => {
    const r = run(['recommend', '--answers', '-'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers from standard input: empty/);
  });
});

describe('--expect and --output', () => {
  const stack = asFlags(ANSWER_SETS.platformTeam!); // Kubeflow + MLflow

  it('exits 0 when the advice matches, in any order', () => {
    for (const expectArg of ['kubeflow,mlflow', 'mlflow,kubeflow', ' mlflow , kubeflow ']) {
      const r = run(['recommend', '--json', '--expect', expectArg, ...stack]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout).recommendation.tools.sort()).toEqual(['kubeflow', 'mlflow']);
    }
  });

  it('exits 3 otherwise, with one line saying what was recommended', () => {
    for (const expectArg of ['mlflow', 'kubeflow,mlflow,airflow']) {
      const r = run(['recommend', '--expect', expectArg, ...stack]);
      expect(r.code).toBe(3);
      expect(lines(r.stderr)).toEqual([`mlflow-advisor: expected ${expectArg.split(',').sort().join(',')} but the advice is kubeflow,mlflow.`]);
      expect(r.stdout).toMatch(/^Recommended: Kubeflow \+ MLflow/);
    }
  });

  it('--output writes the rendered result, prints nothing on stdout and keeps the exit code', () => {
    const table = join(dir, 'out.txt');
    const ok = run(['recommend', '--output', table, '--expect', 'kubeflow,mlflow', ...stack], { env: { FORCE_COLOR: '1' } });
    expect([ok.code, ok.stdout, ok.stderr.trim()]).toEqual([0, '', `Wrote ${table}`]);
    expect(readFileSync(table, 'utf8')).toMatch(/^Recommended: Kubeflow \+ MLflow/);
    expect(readFileSync(table, 'utf8')).not.toMatch(ESC);

    const record = join(dir, 'adr.md');
    const gated = run(['recommend', '--format', 'markdown', '-o', record, '--expect', 'metaflow', ...stack]);
    expect(gated.code).toBe(3);
    expect(gated.stdout).toBe('');
    expect(gated.stderr).toMatch(/expected metaflow but the advice is kubeflow,mlflow/);
    expect(readFileSync(record, 'utf8')).toMatch(/^# Adopt Kubeflow \+ MLflow for the ML platform/);

    const doc = join(dir, 'out.json');
    expect(run(['recommend', '--json', '--output', doc, ...stack]).code).toBe(0);
    expect(JSON.parse(readFileSync(doc, 'utf8')).recommendation.tools).toEqual(['kubeflow', 'mlflow']);
  });

  it('--output into a missing folder is an input error', () => {
    const r = run(['recommend', '--output', join(dir, 'no', 'such', 'adr.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output .*adr\.md: no such folder: .*no\/such$/m);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('still writes files and exits 3 when the reader of stdout has gone', () => {
    const saved = join(dir, 'piped.json');
    const r = spawnSync('bash', ['-c', `node '${BIN}' recommend --save '${saved}' --expect metaflow ${stack.join(' ')} | true; exit \${PIPESTATUS[0]}`], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/expected metaflow but the advice is kubeflow,mlflow/);
    expect(hasStack(r.stderr)).toBe(false);
    expect(existsSync(saved)).toBe(true);
  });
});

describe('--format markdown', () => {
  it('prints a dated decision record with a heading and tables', () => {
    const r = run(['recommend', '--format', 'markdown', '--team-size', 'solo'], { env: { SOURCE_DATE_EPOCH: '1767225600', FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Adopt .+ for the ML platform\n/);
    expect(r.stdout).toContain('- Date: 2026-01-01\n');
    expect(r.stdout).toContain('| Rank | Option | Score (0-100) | Ranks first in | Note |');
    expect(r.stdout.match(/^\|(\s*-+:?\s*\|)+$/gm)!.length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).not.toMatch(ESC);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a time', () => {
    const r = run(['recommend', '--format', 'markdown'], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SOURCE_DATE_EPOCH: "yesterday" is not a Unix time in whole seconds from 0 to 253402300799/);
  });
});

describe('--format html', () => {
  it('prints one self-contained page, the same with --output, dated like the record', () => {
    const env = { SOURCE_DATE_EPOCH: '1767225600', FORCE_COLOR: '1' };
    const r = run(['recommend', '--format', 'html', ...asFlags(ANSWER_SETS.platformTeam!)], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>\n/);
    expect(r.stdout).toContain('<h1>Adopt Kubeflow + MLflow</h1>');
    expect(r.stdout).toContain('proposed · 2026-01-01');
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(r.stdout).not.toMatch(ESC);
    const out = join(dir, 'report.html');
    const w = run(['recommend', '--format', 'html', '-o', out, ...asFlags(ANSWER_SETS.platformTeam!)], { env });
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toBe('');
    expect(w.stderr).toBe(`Wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('and --json disagree', () => {
    const r = run(['recommend', '--json', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json and --format html disagree/);
  });
});

describe('questions --json', () => {
  it('lists every core question with its flag, prompt, help, choices, default and when it is asked', () => {
    const r = run(['questions', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.map((q) => q.id)).toEqual(expect.arrayContaining(CORE_IDS));
    for (const q of list) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(['allowEmpty', 'askedWhen', 'choices', 'combine', 'default', 'flag', 'help', 'id', 'label', 'multi', 'prompt']));
      expect(['median', 'agree', 'union', 'plurality']).toContain((q.combine as { rule: string }).rule);
      expect(q.flag).toBe('--' + String(q.id).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
      const values = (q.choices as { value: string }[]).map((c) => c.value);
      for (const d of [q.default].flat()) expect(values).toContain(d);
      expect(Array.isArray(q.default)).toBe(q.multi);
    }
    const byId = Object.fromEntries(list.map((q) => [q.id, q]));
    expect(byId.kubernetesExpertise!.askedWhen).toEqual({ kubernetes: ['planned', 'production'] });
    expect(byId.teamSize!.askedWhen).toBeNull();
    expect(byId.needs).toMatchObject({ multi: true, allowEmpty: true, default: [] });
  });
});

describe('completion', () => {
  it('prints a bash script that parses', () => {
    const r = run(['completion', 'bash']);
    expect(r.code).toBe(0);
    const path = file('completion.bash', r.stdout);
    expect(spawnSync('bash', ['-n', path]).status).toBe(0);
    expect(r.stdout).toContain('--team-size) COMPREPLY=($(compgen -W \'solo small medium large\'');
  });

  it('refuses an unknown shell, naming the allowed ones', () => {
    const r = run(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('mlflow-advisor: completion: unknown shell "powershell"; use one of: bash, zsh, fish.');
  });
});

describe('help', () => {
  it.each(['recommend', 'compare', 'explain', 'questions', 'schema', 'completion'])('%s --help shows examples of it', (cmd) => {
    const r = run([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n(.*\\n)*.*\\$ .*mlflow-advisor ${cmd}\\b`));
  });

  it('`help COMMAND` shows that command\'s help', () => {
    const r = run(['help', 'explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: mlflow-advisor explain /);
  });

  it('the top-level help shows an example of every command', () => {
    const r = run(['--help']);
    for (const cmd of ['recommend', 'compare', 'explain', 'questions', 'schema', 'completion']) expect(r.stdout).toMatch(new RegExp(`\\$ .*mlflow-advisor ${cmd}\\b`));
  });
});

describe('output conventions', () => {
  it('--json prints exactly one JSON document and nothing else, even when colour is forced', () => {
    const r = run(['recommend', '--json', '--save', join(dir, 's.json')], { env: { FORCE_COLOR: '3' } });
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('}');
    expect(r.stdout).not.toMatch(ESC);
    expect(r.stderr).toMatch(/^Saved answers/);
  });

  it('colours the table only when asked: FORCE_COLOR yes, NO_COLOR always wins', () => {
    expect(run(['recommend']).stdout).not.toMatch(ESC);
    expect(run(['recommend'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ESC);
    expect(run(['recommend'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ESC);
    expect(run(['compare'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ESC);
  });

  it.each([
    ['recommend', 'head -1'],
    ['recommend --json', 'head -1'],
    ['compare', 'head -c 100'],
    ['recommend', 'true'],
    ['compare', 'true'],
  ])('`%s | %s` exits 0 without a word on stderr', (args, reader) => {
    const r = spawnSync('bash', ['-c', `node '${BIN}' ${args} | ${reader} >/dev/null; exit \${PIPESTATUS[0]}`], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});
