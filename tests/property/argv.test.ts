// Random command lines against the built binary. Whatever the argv (valid and invalid commands,
// flags and values, mixed with random text), the CLI answers with exit 0, 2 or 3, never a stack
// trace, one clean line on stderr for an error, and exactly one JSON document when --json succeeds.
// Cases run in small concurrent batches so a few hundred fit in CI's time on two cores.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { toolIds } from '../../src/catalog/ids.js';

const TOOL_IDS = toolIds(catalog);
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { parseValue } from '../../src/questionnaire/resolve.js';
import { flagOf } from '../../src/questionnaire/questions.js';
import { runAsync } from '../helpers/cli-async.js';
import { hasStack } from '../helpers/cli.js';

// Batches x batch size = cases; PROPERTY_RUNS scales the batches (e.g. 250 for a long soak).
const BATCH = 4;
const BATCHES = Number(process.env.PROPERTY_RUNS) || 75;

type Validity = 'valid' | 'invalid' | 'unknown';
interface Item {
  tokens: string[];
  validity: Validity;
  /** Options whose value is checked only when used: the last occurrence decides. */
  lastWins?: 'expect';
  answersFile?: string;
  json?: boolean;
  format?: string;
  help?: boolean;
  output?: boolean;
  expect?: boolean;
  /** Random text that the CLI may read as a real option or command: no claim about the output. */
  opaque?: boolean;
}
interface Case {
  command: string | undefined;
  items: Item[];
  stdin: { text: string; valid: boolean };
}

// The option and command names the real program knows, so random text never hits one by chance.
const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, columns: 100 } as unknown as Io;
const program = buildProgram(io);
const COMMANDS = program.commands.map((c) => c.name());
const OPTION_NAMES = new Set<string>(['-h', '--help', ...[program, ...program.commands].flatMap((c) => c.options.flatMap((o) => [o.long, o.short]))].filter((x): x is string => !!x));
const SHORT_LETTERS = new Set([...OPTION_NAMES].filter((o) => /^-[^-]$/.test(o)).map((o) => o[1]));

const isTool = (s: string) => (TOOL_IDS as readonly string[]).includes(s.trim().toLowerCase());
const noNul = (s: string) => !s.includes('\u0000');

/** How the CLI must treat a token that random text produced. */
function classifyJunk(token: string, command: string | undefined): Validity {
  if (token === '--' || OPTION_NAMES.has(token) || OPTION_NAMES.has(token.split('=')[0]!)) return 'unknown';
  if (/^-[^-]/.test(token)) return SHORT_LETTERS.has(token[1]!) ? 'unknown' : 'invalid';
  if (token.startsWith('--')) return 'invalid';
  // An operand: a command name at the top level, a tool for explain.
  if (command === undefined && (COMMANDS.includes(token) || token === 'help')) return 'unknown';
  if (command === 'explain' && isTool(token)) return 'unknown';
  return 'invalid';
}

const junkText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('--', '-', '', ' ', '--team-sise', '--jsn', '-x', '--no-json', '--interactive', 'recmmend', 'mlfow', 'größe', '\u001b[31m', 'x'.repeat(5000)),
  fc.stringMatching(/^--[a-z][a-z-]{0,14}$/),
).filter(noNul);

const junk = (command: string | undefined): fc.Arbitrary<Item> =>
  junkText.map((t) => {
    const validity = classifyJunk(t, command);
    return { tokens: [t], validity, opaque: validity === 'unknown' };
  });

const answerFlag: fc.Arbitrary<Item> = fc
  .constantFrom(...catalog.questions)
  .chain((q) => {
    const choices = q.choices.map((c) => c.value);
    const good =
      q.type === 'multi'
        ? fc.subarray(choices, { minLength: q.allowEmpty ? 0 : 1 }).map((vs) => vs.join(','))
        : fc.constantFrom(...choices);
    const value = fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }).filter(noNul);
    return fc.tuple(fc.constant(q), value, fc.boolean());
  })
  .map(([q, value, joined]) => {
    let validity: Validity = 'valid';
    try {
      parseValue(q, value, flagOf(q));
    } catch {
      validity = 'invalid';
    }
    return { tokens: joined ? [`${flagOf(q)}=${value}`] : [flagOf(q), value], validity };
  });

const recommendItem = (root: boolean): fc.Arbitrary<Item> =>
  fc.oneof(
    { weight: 8, arbitrary: answerFlag },
    { weight: 3, arbitrary: fc.constant<Item>({ tokens: ['--json'], validity: 'valid', json: true }) },
    {
      weight: 2,
      // Any case, and md for markdown.
      arbitrary: fc.constantFrom('table', 'json', 'markdown', 'html', 'md', 'MD', 'xml', 'JSON', '').map((f): Item => {
        const format = f.toLowerCase() === 'md' ? 'markdown' : f.toLowerCase();
        return { tokens: ['--format', f], validity: ['table', 'json', 'markdown', 'html'].includes(format) ? 'valid' : 'invalid', format };
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom<Item>({ tokens: ['--no-interactive'], validity: 'valid' }, { tokens: ['--debug'], validity: 'valid' }) },
    {
      weight: 2,
      arbitrary: fc
        .oneof({ weight: 3, arbitrary: fc.subarray([...TOOL_IDS], { minLength: 1 }).map((ts) => ts.join(',')) }, { weight: 1, arbitrary: fc.constantFrom('mlfow', '', ' , ', 'mlflow,kubeflw') })
        .map((v): Item => ({ tokens: ['--expect', v], validity: v.split(',').every(isTool) && v.trim() !== '' ? 'valid' : 'invalid', lastWins: 'expect', expect: true })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('valid.json', 'bad.json', 'missing.json', '-', '-').map((f): Item => ({
        tokens: ['--answers', f],
        // '-' is decided by the case's standard input.
        validity: f === 'valid.json' ? 'valid' : f === '-' ? 'unknown' : 'invalid',
        // Every --answers counts: a repeat is another team member.
        answersFile: f,
      })),
    },
    { weight: 1, arbitrary: fc.constantFrom<Item>({ tokens: ['--output', 'out.txt'], validity: 'valid', output: true }, { tokens: ['-o', 'out.md'], validity: 'valid', output: true }, { tokens: ['--save', 'saved.json', '--force'], validity: 'valid' }) },
    { weight: 1, arbitrary: fc.constantFrom<Item>(...(root ? ['-h', '--help', '-v', '--version'] : ['-h', '--help']).map((t) => ({ tokens: [t], validity: 'valid' as const, help: true }))) },
    { weight: 2, arbitrary: junk(root ? undefined : 'recommend') },
  );

// compare, explain and questions take --json; schema takes no option at all.
const jsonOnlyItem = (command: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<Item>(command === 'schema' ? { tokens: ['--json'], validity: 'invalid' } : { tokens: ['--json'], validity: 'valid', json: true }) },
    { weight: 1, arbitrary: fc.constant<Item>({ tokens: ['--help'], validity: 'valid', help: true }) },
    { weight: 1, arbitrary: answerFlag.map((i): Item => ({ ...i, validity: 'invalid' })) },
    { weight: 2, arbitrary: junk(command) },
  );

const toolItem = fc.oneof(
  fc.constantFrom(...TOOL_IDS, 'MLflow', ' kubeflow ').map((t): Item => ({ tokens: [t], validity: 'valid' })),
  fc.oneof(fc.constantFrom('mlfow', 'tensorflow', ''), fc.string({ maxLength: 10 }).filter((s) => !s.startsWith('-')))
    .filter(noNul)
    .map((t): Item => ({ tokens: [t], validity: isTool(t) ? 'valid' : 'invalid' })),
);

// A flag that needs a value, at the very end with none.
const missingValue = fc.constantFrom('--team-size', '--needs', '--answers', '--format', '--expect', '--output').map((t): Item => ({ tokens: [t], validity: 'invalid' }));

const stdinArb = fc.constantFrom(
  { text: '{"teamSize": "small", "tracking": "essential"}', valid: true },
  { text: '\uFEFF{"team-size": "large"}\r\n', valid: true },
  { text: '', valid: false },
  { text: '{"teamSize": ', valid: false },
  { text: '{"teamSize": "huge"}', valid: false },
);

const items = (item: fc.Arbitrary<Item>) =>
  fc
    .tuple(fc.array(item, { maxLength: 5 }), fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: missingValue }))
    .map(([xs, last]) => (last ? [...xs, last] : xs));

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ command: fc.constant(undefined), items: items(recommendItem(true)), stdin: stdinArb }) },
  { weight: 5, arbitrary: fc.record({ command: fc.constant('recommend'), items: items(recommendItem(false)), stdin: stdinArb }) },
  ...['compare', 'questions', 'schema'].map((command) => ({
    weight: 1,
    arbitrary: fc.record({ command: fc.constant(command), items: fc.array(jsonOnlyItem(command), { maxLength: 3 }), stdin: stdinArb }),
  })),
  {
    weight: 2,
    arbitrary: fc.record({
      command: fc.constant('explain'),
      items: fc.tuple(fc.option(toolItem, { freq: 6 }), fc.array(jsonOnlyItem('explain'), { maxLength: 3 })).map(([tool, rest]): Item[] => {
        if (tool) return [tool, ...rest];
        // No tool: an error, unless random text in the rest stands in for one.
        const operand = rest.some((i) => i.tokens.some((t) => !/^-./.test(t)));
        return [{ tokens: [], validity: operand ? 'unknown' : 'invalid' }, ...rest];
      }),
      stdin: stdinArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      command: fc.oneof(fc.constantFrom('recmmend', 'comapre', 'explian'), fc.stringMatching(/^[a-z]{1,10}$/).filter((c) => !COMMANDS.includes(c) && c !== 'help')),
      items: fc.array(recommendItem(false), { maxLength: 3 }),
      stdin: stdinArb,
    }),
  },
);

interface Expectation {
  codes: number[];
  json: boolean;
}

/** What the model of the CLI says this command line must do. */
function expectation(c: Case): Expectation {
  const { command, items: all } = c;
  const help = all.some((i) => i.help);
  // Options read only at use: the last occurrence of each decides.
  const last = (key: 'expect') => all.filter((i) => i.lastWins === key).at(-1);
  const counted = all.filter((i) => !i.lastWins || i === last(i.lastWins));
  const validities = counted.map((i) => (i.answersFile === '-' ? (c.stdin.valid ? 'valid' : 'invalid') : i.validity));
  // A file given twice is two members of one name; standard input can be read once.
  const files = all.flatMap((i) => (i.answersFile !== undefined ? [i.answersFile] : []));
  if (new Set(files).size < files.length) validities.push('invalid');
  const json = all.some((i) => i.json);
  const format = all.filter((i) => i.format !== undefined).at(-1)?.format;
  if (json && format !== undefined && format !== 'json') validities.push('invalid');
  if (command !== undefined && !['recommend', 'compare', 'questions', 'schema', 'explain'].includes(command)) validities.push('invalid');
  const recommendLike = command === undefined || command === 'recommend';
  const jsonOut = !help && !all.some((i) => i.opaque) && (command === 'schema' || (recommendLike ? (json || format === 'json') && !all.some((i) => i.output) : json));
  let codes: number[];
  if (help) codes = [0, 2];
  else if (validities.includes('invalid')) codes = [2];
  else if (validities.includes('unknown')) codes = [0, 2, 3];
  else codes = last('expect') ? [0, 3] : [0];
  return { codes, json: jsonOut };
}

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'mlflow-advisor-argv-'));
  writeFileSync(join(cwd, 'valid.json'), '{"teamSize": "medium", "needs": ["lineage"]}');
  writeFileSync(join(cwd, 'bad.json'), '{"teamSize": "medium", "needs": "lineage,magic"}');
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function check(c: Case): Promise<void> {
  const argv = [...(c.command !== undefined ? [c.command] : []), ...c.items.flatMap((i) => i.tokens)];
  const r = await runAsync(argv, { input: c.stdin.text, cwd });
  const want = expectation(c);
  const where = `argv ${JSON.stringify(argv)} stdin ${JSON.stringify(c.stdin.text)}\nexit ${r.code}\nstderr ${JSON.stringify(r.stderr.slice(0, 500))}`;
  expect([0, 2, 3], where).toContain(r.code);
  expect(want.codes, where).toContain(r.code);
  expect(hasStack(r.stderr) || hasStack(r.stdout), where).toBe(false);
  // Nothing that could drive the terminal reaches standard error.
  expect(r.stderr, where).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const lines = r.stderr.trimEnd().split('\n');
  if (r.code === 2) {
    // A usage or input error is found before anything is written: one line and nothing else.
    expect(lines, where).toHaveLength(1);
    expect(r.stdout, where).toBe('');
  }
  if (r.code !== 0) {
    // The error is the last line (an --expect mismatch may follow "Wrote FILE").
    expect(lines.at(-1), where).toMatch(r.code === 3 ? /^mlflow-advisor: expected / : /^mlflow-advisor: /);
    expect(lines.at(-1)!.length, where).toBeLessThan(800);
  }
  if (want.json && r.code !== 2) {
    // One document: JSON.parse refuses two in a row, and anything else printed around it.
    expect(() => JSON.parse(r.stdout), where).not.toThrow();
    expect(r.stdout.trimStart()[0], where).toMatch(/[{[]/);
  }
}

describe('random argv against the built binary', () => {
  it(`${BATCH * BATCHES} command lines: exit 0, 2 or 3, no stack, clean errors, one JSON document`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: BATCH, maxLength: BATCH }), async (cases) => {
        await Promise.all(cases.map(check));
      }),
      { numRuns: BATCHES },
    );
  }, 600_000);
});
