// Bad input against the built binary: every usage mistake and every kind of broken answers file
// gets exit 2 and one line naming the flag, file or key and what was expected; never a stack.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { MAX_ANSWERS_BYTES } from '../../src/questionnaire/answers-file.js';
import { asUnprivileged, copyInstall, runAsync, testEnv } from '../helpers/cli-async.js';
import { BIN, hasStack, run, type Run } from '../helpers/cli.js';

/** What every input error looks like: exit 2, nothing on stdout, one line on stderr, no stack. */
function expectInputError(r: Run, message: RegExp, expect: ExpectStatic): void {
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(hasStack(r.stderr)).toBe(false);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^mlflow-advisor: /);
}

// The tables run concurrently (each case is its own process): pass the test's own expect.
describe.concurrent('usage errors', () => {
  it.for([
    ['unknown command', ['recmmend'], /unknown command "recmmend". Did you mean "recommend"\? Commands: recommend, compare/],
    ['unknown option', ['recommend', '--team-sise', 'small'], /unknown option '--team-sise' \(Did you mean --team-size\?\)/],
    ['unknown option of the default command', ['--jsn'], /unknown option '--jsn' \(Did you mean --json\?\)/],
    ['an option of another command', ['compare', '--team-size', 'small'], /unknown option '--team-size'/],
    ['a value outside the choices', ['recommend', '--team-size', 'huge'], /--team-size: "huge" is not allowed; use one of: solo, small, medium, large\./],
    ['a near miss', ['recommend', '--budget', 'moderat'], /--budget: "moderat" is not allowed; use one of: minimal, moderate, generous\. Did you mean "moderate"\?/],
    ['a list item outside the choices', ['recommend', '--needs', 'scheduling,magic'], /--needs: "magic" is not allowed; use any of: hyperparameter-tuning, model-serving/],
    ['an empty list where one is needed', ['recommend', '--languages', ','], /--languages: needs at least one of: python, r\./],
    ['--flag=value syntax', ['recommend', '--team-size=huge'], /--team-size: "huge" is not allowed/],
    ['a bad --format', ['recommend', '--format', 'xml'], /--format: "xml" is not a format; use one of: table, json, markdown, html \(or md for markdown\)\./],
    ['--json against --format', ['recommend', '--json', '--format', 'markdown'], /--json and --format markdown disagree; give one of them\./],
    ['a missing value', ['recommend', '--team-size'], /option '--team-size <value>' argument missing/],
    ['a missing file name', ['recommend', '--answers'], /option '--answers <file>' argument missing/],
    ['an empty file name', ['recommend', '--answers', ''], /--answers: needs a file name, or - for standard input\./],
    ['an unknown tool', ['explain', 'mlfow'], /unknown tool "mlfow"; use one of: airflow, metaflow, kubeflow, mlflow\. Did you mean "mlflow"\?/],
    ['a missing tool', ['explain'], /missing required argument 'tool'/],
    ['too many arguments', ['explain', 'mlflow', 'kubeflow'], /too many arguments for 'explain'\. Expected 1 argument but got 2\./],
    ['an operand recommend does not take', ['recommend', 'mlflow'], /too many arguments for 'recommend'/],
    ['an unknown --expect tool', ['recommend', '--expect', 'mlfow'], /--expect: "mlfow" is not a tool; use any of: airflow, metaflow, kubeflow, mlflow\. Did you mean "mlflow"\?/],
    ['an empty --expect', ['recommend', '--expect', ''], /--expect: name one or more tools: airflow, metaflow, kubeflow, mlflow\./],
  ] as const)('%s', async ([, args, message], { expect }) => {
    expectInputError(await runAsync([...args]), message, expect);
  });

  it('help, as a command or a flag, is a success on stdout', () => {
    for (const args of [['help'], ['help', 'recommend'], ['--help'], ['explain', '--help']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: mlflow-advisor/);
      expect(r.stderr).toBe('');
    }
  });

  it('an --expect mismatch exits 3 with the result on stdout and one line on stderr', () => {
    const got: string[] = JSON.parse(run(['recommend', '--json']).stdout).recommendation.tools;
    const other = ['airflow', 'metaflow', 'kubeflow', 'mlflow'].find((t) => !got.includes(t))!;
    const r = run(['recommend', '--json', '--expect', other]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).recommendation.tools).toEqual(got);
    expect(r.stderr).toBe(`mlflow-advisor: expected ${other} but the advice is ${[...got].sort().join(',')}.\n`);
  });
});

describe.concurrent('answers files', () => {
  let dir: string;
  const files: Record<string, string | Buffer> = {
    'empty.json': '',
    'blank.json': ' \n\t\r\n',
    'truncated.json': '{\n  "teamSize": "small",\n  "tracking": "essential"\n',
    'latin1.json': Buffer.from('{"teamSize": "gro\u00dfe"}', 'latin1'),
    'binary.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]),
    'array.json': '[{"teamSize": "small"}]',
    'scalar.json': '42',
    'string.json': '"small"',
    'null.json': 'null',
    'wrong-type.json': '{"teamSize": 3}',
    'wrong-list.json': '{"needs": {"lineage": true}}',
    'wrong-item.json': '{"needs": ["lineage", 7]}',
    'outside.json': '{"teamSize": "huge"}',
    'outside-list.json': '{"needs": ["lineage", "magic"]}',
    'unknown-key.json': '{"teamSize": "small", "tracking": "essential", "teamSise": "small"}',
    'proto.json': '{"__proto__": {"polluted": true}}',
    'constructor.json': '{"constructor": {"prototype": {"polluted": true}}}',
    'duplicate.json': '{"teamSize": "small", "team-size": "large"}',
    'non-ascii-key.json': '{"équipe": "small"}',
    'non-ascii-value.json': '{"teamSize": "große 团队"}',
    'bom.json': '\uFEFF{"teamSize": "solo"}',
    'crlf.json': '{\r\n  "teamSize": "solo",\r\n  "needs": ["lineage"]\r\n}\r\n',
    'bom-crlf.json': '\uFEFF{\r\n  "team-size": "solo"\r\n}\r\n',
    'réponses équipe.json': '{"teamSize": "solo"}',
    'esc\u001b[31m.json': '{',
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-errors-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    mkdirSync(join(dir, 'folder.json'));
    // Sparse files of NUL bytes: read, they would be "binary"; measured first, they are "too large".
    closeSync(openSync(join(dir, 'over-limit.json'), 'w'));
    truncateSync(join(dir, 'over-limit.json'), MAX_ANSWERS_BYTES + 1);
    closeSync(openSync(join(dir, 'at-limit.json'), 'w'));
    truncateSync(join(dir, 'at-limit.json'), MAX_ANSWERS_BYTES);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.for([
    ['missing', 'missing.json', /^mlflow-advisor: missing\.json: no such answers file\.$/m],
    ['a directory', 'folder.json', /folder\.json: is a directory, not an answers file\./],
    ['empty', 'empty.json', /empty\.json: empty; an answers file is JSON like \{"teamSize": "small"\}\./],
    ['only white space', 'blank.json', /blank\.json: empty;/],
    ['truncated JSON', 'truncated.json', /truncated\.json: not valid JSON \(.*: line 4, column 1\)\./],
    ['not UTF-8', 'latin1.json', /latin1\.json: not UTF-8 text; an answers file is JSON like/],
    ['binary', 'binary.json', /binary\.json: looks binary; an answers file is JSON like/],
    ['a top-level array', 'array.json', /array\.json: expected a JSON object of answers by question id \(like \{"teamSize": "small"\}\), got a list\./],
    ['a top-level number', 'scalar.json', /scalar\.json: expected a JSON object .*got number 42\./],
    ['a top-level string', 'string.json', /string\.json: expected a JSON object .*got "small"\./],
    ['a top-level null', 'null.json', /null\.json: expected a JSON object .*got null\./],
    ['a wrong type', 'wrong-type.json', /wrong-type\.json: teamSize: expected one of solo, small, medium, large, got number 3\./],
    ['an object where a list belongs', 'wrong-list.json', /wrong-list\.json: needs: expected a list of hyperparameter-tuning, .*, got an object\./],
    ['a list item of the wrong type', 'wrong-item.json', /wrong-item\.json: needs: list items must be strings from hyperparameter-tuning, .*, got number 7\./],
    ['a value outside the choices', 'outside.json', /outside\.json: teamSize: "huge" is not allowed; use one of: solo, small, medium, large\./],
    ['a list item outside the choices', 'outside-list.json', /outside-list\.json: needs: "magic" is not allowed; use any of: /],
    ['an unknown key', 'unknown-key.json', /unknown-key\.json: unknown key "teamSise"\. Did you mean "teamSize"\? Known keys: teamSize, mlExpertise, /],
    ['a __proto__ key', 'proto.json', /proto\.json: unknown key "__proto__"\. Known keys: /],
    ['a constructor key', 'constructor.json', /constructor\.json: unknown key "constructor"\. Known keys: /],
    ['one answer under two keys', 'duplicate.json', /duplicate\.json: "teamSize" and "team-size" both answer teamSize; keep one\./],
    ['a non-ASCII key', 'non-ascii-key.json', /non-ascii-key\.json: unknown key "équipe"\. Known keys: /],
    ['a non-ASCII value', 'non-ascii-value.json', /non-ascii-value\.json: teamSize: "große 团队" is not allowed; use one of: solo, small, medium, large\./],
    ['a file name with an escape sequence', 'esc\u001b[31m.json', /esc\\x1b\[31m\.json: not valid JSON/],
    ['over the size limit, refused unread', 'over-limit.json', new RegExp(`over-limit\\.json: ${MAX_ANSWERS_BYTES + 1} bytes is too large for an answers file \\(limit ${MAX_ANSWERS_BYTES} bytes, 1 MiB\\); not read\\.`)],
    ['at the size limit, read', 'at-limit.json', /at-limit\.json: looks binary/],
  ] as const)('%s', async ([, file, message], { expect }) => {
    expectInputError(await runAsync(['recommend', '--json', '--answers', file], { cwd: dir }), message, expect);
  });

  it.for([
    ['a byte order mark', 'bom.json'],
    ['CRLF line ends', 'crlf.json'],
    ['a BOM and CRLF line ends', 'bom-crlf.json'],
    ['a non-ASCII file name', 'réponses équipe.json'],
  ] as const)('accepts %s', async ([, file], { expect }) => {
    const r = await runAsync(['recommend', '--json', '--answers', file], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.answers.teamSize).toBe('solo');
    expect(doc.defaulted).not.toContain('teamSize');
  });

  it('a device with no size is still read only up to the limit', async ({ expect }) => {
    expect(existsSync('/dev/zero')).toBe(true);
    expectInputError(await runAsync(['recommend', '--answers', '/dev/zero']), /\/dev\/zero: more than 1048576 bytes is too large for answers \(limit 1048576 bytes, 1 MiB\)\./, expect);
  });

  it('an unreadable file: permission denied', ({ expect }) => {
    const file = join(dir, 'locked.json');
    writeFileSync(file, '{"teamSize": "small"}');
    chmodSync(file, 0o000);
    chmodSync(dir, 0o755);
    const install = copyInstall();
    try {
      const r = spawnSync(process.execPath, [install.bin, 'recommend', '--answers', file], { encoding: 'utf8', env: testEnv(), input: '', cwd: install.dir, ...asUnprivileged() });
      expectInputError({ code: r.status, stdout: r.stdout, stderr: r.stderr }, new RegExp(`${file.replace(/[.\\]/g, '\\$&')}: permission denied; the answers file must be readable\\.`), expect);
    } finally {
      rmSync(install.dir, { recursive: true, force: true });
    }
  });
});

describe.concurrent('answers on standard input (--answers -)', () => {
  it.for([
    ['empty', '', /^mlflow-advisor: answers from standard input: empty; an answers file is JSON like/],
    ['truncated JSON', '{"teamSize": "small"', /answers from standard input: not valid JSON \(.*line 1, column 21\)\./],
    ['neither JSON nor an object in YAML', 'team size: small\n', /answers from standard input: unknown key "team size"\. Did you mean "teamSize"\?/],
    ['a value outside the choices', '{"teamSize": "huge"}', /answers from standard input: teamSize: "huge" is not allowed; use one of: solo, small, medium, large\./],
    ['over the size limit', ' '.repeat(MAX_ANSWERS_BYTES + 1), /answers from standard input: more than 1048576 bytes is too large for answers \(limit 1048576 bytes, 1 MiB\)\./],
  ] as const)('%s', async ([, input, message], { expect }) => {
    expectInputError(await runAsync(['recommend', '--answers', '-'], { input }), message, expect);
  });

  it('accepts a BOM and CRLF line ends', async ({ expect }) => {
    const r = await runAsync(['recommend', '--json', '--answers', '-'], { input: '\uFEFF{\r\n"teamSize": "large"\r\n}\r\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).answers.teamSize).toBe('large');
  });

  it('a directory on standard input is named as one, not read as empty', ({ expect }) => {
    const fd = openSync(tmpdir(), 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'recommend', '--answers', '-'], { encoding: 'utf8', env: testEnv(), stdio: [fd, 'pipe', 'pipe'] });
      expectInputError({ code: r.status, stdout: r.stdout, stderr: r.stderr }, /--answers -: standard input is a directory, not answers\./, expect);
    } finally {
      closeSync(fd);
    }
  });
});
