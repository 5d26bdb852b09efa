// A few end-to-end runs of the built binary: what users, scripts and CI see.
import { describe, expect, it } from 'vitest';
import { hasStack, run } from '../helpers/cli.js';

const CONTRACT_FIELDS = ['schemaVersion', 'answers', 'defaulted', 'ranking', 'combinations', 'recommendation'];

describe('recommend', () => {
  it('--json --no-interactive prints one JSON document with every contract field', () => {
    const r = run(['recommend', '--json', '--no-interactive']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const f of CONTRACT_FIELDS) expect(doc).toHaveProperty(f);
    expect(doc.ranking.map((t: { tool: string }) => t.tool).sort()).toEqual(['airflow', 'kubeflow', 'metaflow', 'mlflow']);
    expect(doc.defaulted).toHaveLength(16);
    expect(doc.recommendation).toHaveProperty('confidence');
    expect(doc.recommendation).toHaveProperty('flips');
  });

  it('takes answers from flags and lists only the rest as defaulted', () => {
    const r = run(['recommend', '--json', '--team-size', 'small', '--tracking', 'essential', '--needs', 'lineage,model-registry']);
    const doc = JSON.parse(r.stdout);
    expect(doc.answers).toMatchObject({ teamSize: 'small', tracking: 'essential', needs: ['model-registry', 'lineage'] });
    expect(doc.defaulted).not.toContain('teamSize');
    expect(doc.defaulted).toContain('budget');
  });

  it('takes options given before the command, its own flags winning; a command refuses options it does not have', () => {
    const before = JSON.parse(run(['--team-size', 'large', '--json', 'recommend', '--tracking', 'essential']).stdout);
    expect(before.answers).toMatchObject({ teamSize: 'large', tracking: 'essential' });
    expect(before.defaulted).not.toContain('teamSize');
    expect(JSON.parse(run(['--team-size', 'large', 'recommend', '--json', '--team-size', 'medium']).stdout).answers.teamSize).toBe('medium');
    // --json belongs to explain, compare and questions too.
    expect(JSON.parse(run(['--json', 'explain', 'mlflow']).stdout).id).toBe('mlflow');
    expect(JSON.parse(run(['--json', 'compare']).stdout).criteria.length).toBeGreaterThan(0);
    expect(JSON.parse(run(['--json', 'questions']).stdout)[0].id).toBe('teamSize');
    for (const args of [['--team-size', 'large', 'explain', 'mlflow'], ['--json', 'schema']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^mlflow-advisor: ${args[0]}: not an option of ${args.includes('explain') ? 'explain' : 'schema'}; options go after the command`));
    }
  });

  it('prints a readable table with the recommendation, reasons and defaults', () => {
    const r = run(['recommend', '--team-size', 'small', '--tracking', 'essential']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recommended: /);
    for (const name of ['Apache Airflow', 'Metaflow', 'Kubeflow', 'MLflow']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('Defaults taken for');
    // Citations are part of the whole story, not of the one-screen summary.
    expect(r.stdout).not.toMatch(/\[seed:[A-Z]+-\d+/);
    expect(run(['recommend', '--detail', '--team-size', 'small', '--tracking', 'essential']).stdout).toMatch(/\[seed:[A-Z]+-\d+/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('with no arguments and no terminal, finishes from defaults without waiting', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Recommended:');
  });
});

describe('forgiving input', () => {
  it('takes md for markdown, and values in any case (as explain MLflow does)', () => {
    const md = run(['recommend', '--format', 'md', '--no-interactive']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Adopt /);
    expect(run(['recommend', '--format', 'JSON']).stdout).toMatch(/^\{/);
    const args = ['recommend', '--json', '--cloud', 'AWS', '--languages', 'Python,R'];
    const doc = JSON.parse(run(args).stdout);
    expect(doc.answers).toMatchObject({ cloud: 'aws', languages: ['python', 'r'] });
    const upper = doc.recommendation.tools.map((t: string) => t.toUpperCase()).join(',');
    expect(run([...args, '--expect', upper]).code).toBe(0);
    expect(run([...args, '--expect', 'AIRFLOW']).stderr).toMatch(/expected airflow but the advice is/);
  });
});

describe('bad input', () => {
  it.each([
    [['recommend', '--team-size', 'huge'], /--team-size: "huge" is not allowed; use one of: solo, small, medium, large/],
    [['recommend', '--needs', 'scheduling,magic'], /--needs: "magic" is not allowed; use any of: hyperparameter-tuning/],
    [['recommend', '--format', 'xml'], /--format: "xml" is not a format; use one of: table, json, markdown, html \(or md for markdown\)/],
    [['recommend', '--format', 'markdwn'], /Did you mean "markdown"/],
    [['recommend', '--team-size', '--json'], /--team-size: value missing \(the next word is the option --json\)/],
    [['recommend', '--answers', '--no-interactive'], /--answers: value missing/],
    [['recommend', '--team-sise', 'small'], /unknown option '--team-sise'[\s\S]*Did you mean --team-size/],
    [['recommend', '--team-size'], /option '--team-size <value>' argument missing/],
    [['recmmend'], /unknown command "recmmend". Did you mean "recommend"/],
    [['explain', 'mlfow'], /unknown tool "mlfow".*Did you mean "mlflow"/],
    [['sources', 'seed:ML-77'], /unknown claim "seed:ML-77"; use an id of .*Did you mean "ML-7"/],
    [['recommend', '--expect', 'mlfow'], /--expect: "mlfow" is not a tool/],
  ])('%j exits 2 with a clear message', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });
});

describe('other commands', () => {
  it.each([
    ['airflow', 'AF'],
    ['metaflow', 'MF'],
    ['kubeflow', 'KF'],
    ['mlflow', 'ML'],
  ])('explain %s cites every line of its profile, as text and JSON', (tool, claim) => {
    const text = run(['explain', tool]);
    expect(text.code).toBe(0);
    // A wrapped item goes on under its text, up to the blank line that ends its section.
    const cited: string[] = [];
    let open = false;
    for (const line of text.stdout.split('\n')) {
      if (line.startsWith('  - ')) cited.push(line);
      else if (open && line.trim() !== '') cited[cited.length - 1] += ' ' + line.trim();
      open = line.startsWith('  - ') || (open && line.trim() !== '');
    }
    expect(cited.length).toBeGreaterThan(20);
    for (const line of cited) expect(line).toMatch(/\[(seed:[A-Z]+-\d+|https:\/\/\S+)(, (seed:[A-Z]+-\d+|https:\/\/\S+))*\]$/);
    expect(text.stdout).toMatch(new RegExp(`seed:${claim}-\\d+`));
    const doc = JSON.parse(run(['explain', tool, '--json']).stdout);
    expect(doc.id).toBe(tool);
    const steps = doc.targets.flatMap((t: { nextSteps: unknown[] }) => t.nextSteps);
    const targetRatings = doc.targets.flatMap((t: { ratings: unknown[] }) => t.ratings);
    for (const part of [doc.facts, doc.strengths, doc.tradeOffs, doc.targets, steps, doc.ratings, targetRatings]) {
      expect(part.length).toBeGreaterThan(0);
      // Every fact, rating, target and step says when it was checked.
      for (const item of part) {
        expect(item.sources.length).toBeGreaterThan(0);
        expect(item.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(text.stdout).toMatch(/Facts checked as of \d{4}-\d{2}-\d{2}/);
  });

  it('explain writes a first step and its command as one sentence', () => {
    const text = run(['explain', 'mlflow'], { env: { COLUMNS: '200' } }).stdout;
    expect(text).toContain('Install MLflow from PyPI: pip install mlflow');
    expect(text).not.toMatch(/\.: /);
  });

  it('explain and compare print cited output, also as JSON', () => {
    const e = run(['explain', 'kubeflow']);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('Kubeflow');
    expect(e.stdout).toMatch(/\[seed:KF-\d+/);
    expect(JSON.parse(run(['explain', 'mlflow', '--json']).stdout).id).toBe('mlflow');
    const c = JSON.parse(run(['compare', '--json']).stdout);
    expect(c.criteria.length).toBeGreaterThanOrEqual(12);
    for (const cr of c.criteria) for (const t of ['airflow', 'metaflow', 'kubeflow', 'mlflow']) expect(cr.ratings[t].sources.length).toBeGreaterThan(0);
    const table = run(['compare']).stdout;
    expect(table).toMatch(/Legend: seed:ID/);
  });

  it('sources prints a cited claim with its Hindi original, and every claim, also as JSON', () => {
    const one = run(['sources', 'seed:ML-7']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^seed:ML-7 \(mlflow\)\n[\s\S]*OpenTelemetry[\s\S]*Original \(Hindi article\):\n[\s\S]*OpenTelemetry समर्थन/);
    expect(JSON.parse(run(['sources', 'ml-7', '--json']).stdout)).toMatchObject({ id: 'ML-7', ref: 'seed:ML-7', topic: 'mlflow' });
    const all = JSON.parse(run(['sources', '--json']).stdout);
    expect(all.claims.length).toBeGreaterThan(50);
    expect(run(['sources']).stdout.trimEnd().split('\n')).toHaveLength(all.claims.length);
    expect(run(['--help']).stdout).toContain('mlflow-advisor sources seed:ML-7');
  });

  it('--help shows examples and --version the version', () => {
    expect(run(['recommend', '--help']).stdout).toContain('Examples:');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
