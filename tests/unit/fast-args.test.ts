// The everyday `recommend` line is read without commander (src/cli/fast-args.ts). Whatever that
// reader takes, commander must read the same way: the same options, or the same error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { readRecommendLine } from '../../src/cli/fast-args.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { flagOf } from '../../src/questionnaire/questions.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} } as unknown as Io;

type Outcome = { opts: Record<string, unknown> } | { error: string };

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** What commander gives recommend's action for `mlflow-advisor recommend TOKENS` (or, bare, for `mlflow-advisor TOKENS`). */
async function byCommander(tokens: string[], bare = false): Promise<Outcome> {
  const argv = ['node', 'mlflow-advisor', ...(bare ? [] : ['recommend']), ...tokens];
  let outcome: Outcome | undefined;
  // The program as this line builds it, and the whole program: both must agree.
  for (const program of [buildProgram(io, argv), buildProgram(io)]) {
    let seen: Record<string, unknown> | undefined;
    if (bare) {
      program.action((command: string | undefined, opts: Record<string, unknown>) => {
        seen = command === undefined ? opts : { command };
      });
    } else {
      program.commands.find((c) => c.name() === 'recommend')!.action((opts: Record<string, unknown>) => {
        seen = opts;
      });
    }
    let got: Outcome;
    try {
      await program.parseAsync(argv);
      got = { opts: defined(seen!) };
    } catch (e) {
      got = { error: (e as Error).message };
    }
    if (outcome !== undefined) expect(got).toEqual(outcome);
    outcome = got;
  }
  return outcome!;
}

function byFastReader(tokens: string[]): Outcome | undefined {
  try {
    const opts = readRecommendLine(tokens);
    return opts && { opts: defined(opts) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const question = fc.constantFrom(...catalog.questions);
const answer = question.chain((q) => {
  const values = q.choices.map((c) => c.value);
  const value = fc.oneof(
    { weight: 4, arbitrary: q.type === 'multi' ? fc.subarray(values).map((v) => v.join(',')) : fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom('huge', '', ' small ', '-', '-x', '--json', 'lineage,,scheduling', 'a=b') },
  );
  return fc.tuple(value, fc.boolean()).map(([v, joined]) => (joined ? [`${flagOf(q)}=${v}`] : [flagOf(q), v]));
});
const other = fc.oneof(
  fc.constantFrom(['--json'], ['--no-interactive'], ['--json=1'], ['--no-interactive=1'], ['--interactive']),
  fc.tuple(fc.constantFrom('--format', '--format=', '--answers', '--save', '--expect', '--output', '-o', '--output='), fc.constantFrom('json', 'table', 'markdown', 'html', 'xml', 'team.json', '-', 'mlflow,kubeflow', '', '--json'))
    .map(([flag, v]) => (flag.endsWith('=') ? [flag + v] : [flag, v])),
  fc.constantFrom(['--'], ['-'], ['extra'], ['--bogus'], ['-x'], ['-ofile'], ['--team-size'], ['--help'], ['-h'], ['--version'], ['--team-sise', 'small'], ['--debug']),
);
const line = fc.array(fc.oneof({ weight: 3, arbitrary: answer }, { weight: 2, arbitrary: other }), { maxLength: 6 }).map((parts) => parts.flat());

describe('the fast reader of the recommend line', () => {
  it('reads the everyday lines itself', () => {
    expect(readRecommendLine(['--json', '--team-size', 'large', '--needs=lineage,scheduling', '--answers', 'team.json', '-o', 'out.json'])).toEqual({
      interactive: true,
      json: true,
      teamSize: 'large',
      needs: ['lineage', 'scheduling'],
      answers: 'team.json',
      output: 'out.json',
    });
    expect(readRecommendLine(['--no-interactive', '--answers', '-', '--format', 'markdown'])).toEqual({ interactive: false, answers: '-', format: 'markdown' });
    expect(readRecommendLine([])).toEqual({ interactive: true });
  });

  it('leaves anything else to commander', () => {
    for (const tokens of [['--help'], ['--'], ['extra'], ['--bogus'], ['--team-size'], ['--format', 'xml'], ['-o', '--json'], ['--json=1'], ['-ofile']]) {
      expect(readRecommendLine(tokens), tokens.join(' ')).toBeUndefined();
    }
  });

  it('agrees with commander on every line it takes, options and errors alike, after recommend and bare', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(line, fc.boolean(), async (tokens, bare) => {
        // main.ts reads a bare line only when it is empty or starts with a flag.
        if (bare && tokens.length > 0 && !tokens[0]!.startsWith('-')) return;
        const fast = byFastReader(tokens);
        if (fast === undefined) return;
        taken++;
        expect(fast, `${bare ? '' : 'recommend '}${tokens.join(' ')}`).toEqual(await byCommander(tokens, bare));
      }),
      { numRuns: 800 },
    );
    // The generator must exercise the reader, not only its refusals.
    expect(taken).toBeGreaterThan(150);
  });
});
