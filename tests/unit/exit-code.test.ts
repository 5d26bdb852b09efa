// The error boundary's mapping, message hygiene, colour decision and table fallback, directly.
import { PassThrough } from 'node:stream';
import select from '@inquirer/select';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { CommanderError, InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { runRecommend } from '../../src/cli/commands/recommend.js';
import { exitCodeFor, MAX_MESSAGE, oneLine, takeDebug } from '../../src/cli/exit-code.js';
import type { Io } from '../../src/cli/io.js';
import { ExpectationError, InputError, InterruptedError, WriteError } from '../../src/errors.js';
import { MAX_ANSWERS_BYTES, readAnswersFile } from '../../src/questionnaire/answers-file.js';
import { colourLevel } from '../../src/render/style.js';
import { grid, visibleWidth } from '../../src/render/table.js';
import { clip, escapeControls, quote } from '../../src/util/quote.js';
import { hasStack } from '../helpers/cli.js';

function mapped(err: unknown, debug = false): { code: number; text: string } {
  let text = '';
  const code = exitCodeFor(err, { write: (s: string) => (text += s) }, debug);
  return { code, text };
}

describe('exitCodeFor', () => {
  it('help and version are successes and print nothing more', () => {
    for (const code of ['commander.helpDisplayed', 'commander.help', 'commander.version']) {
      expect(mapped(new CommanderError(0, code, '(outputHelp)'))).toEqual({ code: 0, text: '' });
    }
  });

  it('every other commander error is a usage error, printed as one line', () => {
    const unknown = new CommanderError(1, 'commander.unknownOption', "error: unknown option '--team-sise'\n(Did you mean --team-size?)");
    expect(mapped(unknown)).toEqual({ code: 2, text: "mlflow-advisor: unknown option '--team-sise' (Did you mean --team-size?)\n" });
    expect(mapped(new InvalidArgumentError('nope')).code).toBe(2);
  });

  it('typed errors keep their exit code', () => {
    expect(mapped(new InputError('--budget: "x" is not allowed.'))).toEqual({ code: 2, text: 'mlflow-advisor: --budget: "x" is not allowed.\n' });
    expect(mapped(new ExpectationError('expected mlflow but the advice is airflow.')).code).toBe(3);
    expect(mapped(new InterruptedError()).code).toBe(130);
    expect(mapped(new InterruptedError('Terminated.', 143)).code).toBe(143);
    // A failed write is no bug: one line, exit 1, no request for a stack trace.
    expect(mapped(new WriteError('adr.md: not written (no space left on the device).'))).toEqual({ code: 1, text: 'mlflow-advisor: adr.md: not written (no space left on the device).\n' });
  });

  it('Ctrl+C in a prompt is an interruption (130)', async () => {
    const { answer, events } = await render(select, { message: 'Team size?', choices: [{ value: 'small' }, { value: 'large' }] });
    events.keypress({ name: 'c', ctrl: true });
    const err = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('ExitPromptError');
    expect(mapped(err)).toEqual({ code: 130, text: 'Interrupted.\n' });
  });

  it('anything else is an unexpected failure: one line and the --debug hint, the stack only with --debug', () => {
    const boom = new TypeError("Cannot read properties of undefined (reading 'score')");
    const plain = mapped(boom);
    expect(plain.code).toBe(1);
    expect(plain.text).toBe(
      "mlflow-advisor: unexpected failure: Cannot read properties of undefined (reading 'score')\n" +
        'Run again with --debug to see the stack trace, and report it if it persists.\n',
    );
    expect(hasStack(plain.text)).toBe(false);
    const debug = mapped(boom, true);
    expect(debug.code).toBe(1);
    expect(hasStack(debug.text)).toBe(true);
    expect(debug.text).not.toContain('Run again with --debug');
  });

  it('copes with things that are not errors', () => {
    expect(mapped('a string').text).toMatch(/^mlflow-advisor: unexpected failure: a string\n/);
    expect(mapped(undefined).code).toBe(1);
    expect(mapped(Object.assign(new Error(''), { name: 'WeirdError' })).text).toMatch(/unexpected failure: WeirdError\n/);
  });
});

describe('oneLine', () => {
  it('escapes control characters so a message cannot drive the terminal', () => {
    expect(oneLine('unknown tool "\u001b[2J\u0007x\u202e"')).toBe('unknown tool "\\x1b[2J\\x07x\\u202e"');
    expect(oneLine('a\nb')).toBe('a\\nb');
  });

  it('clips long words and long messages, keeping both ends', () => {
    const line = oneLine(`unknown option '--${'x'.repeat(100_000)}'`);
    expect(line).toMatch(/^unknown option '--x+…\(100004 characters\)…x+'$/);
    expect(line.length).toBeLessThan(120);
    const spaced = oneLine(`--cloud: "${'ab '.repeat(10_000)}" is not allowed; use one of: aws, gcp.`);
    expect(Array.from(spaced).length).toBeLessThanOrEqual(MAX_MESSAGE + 30);
    expect(spaced).toMatch(/use one of: aws, gcp\.$/);
  });

  it('leaves ordinary messages alone, non-ASCII included', () => {
    const m = '--team-size: "größe 团队" is not allowed; use one of: solo, small, medium, large.';
    expect(oneLine(m)).toBe(m);
  });
});

describe('quote and clip', () => {
  it('quotes like JSON, escaping quotes, backslashes and controls', () => {
    expect(quote('small')).toBe('"small"');
    expect(quote('say "hi" \\ \u001b')).toBe('"say \\"hi\\" \\\\ \\x1b"');
    expect(escapeControls('\t\r\u009b')).toBe('\\t\\r\\x9b');
  });

  it('clips by characters, never splitting a surrogate pair', () => {
    const s = '😀'.repeat(100);
    const c = clip(s, 20);
    expect(c).toMatch(/^(😀)+…\(100 characters\)…(😀)+$/);
    expect(clip('short', 20)).toBe('short');
  });
});

describe('takeDebug', () => {
  it('finds --debug anywhere before --, and removes it', () => {
    expect(takeDebug(['node', 'bin', 'recommend', '--json', '--debug'])).toEqual({ argv: ['node', 'bin', 'recommend', '--json'], debug: true });
    expect(takeDebug(['node', 'bin', '--debug', 'compare'])).toEqual({ argv: ['node', 'bin', 'compare'], debug: true });
    expect(takeDebug(['node', 'bin', 'explain', '--', '--debug'])).toEqual({ argv: ['node', 'bin', 'explain', '--', '--debug'], debug: false });
    expect(takeDebug(['node', 'bin'])).toEqual({ argv: ['node', 'bin'], debug: false });
  });
});

describe('colourLevel', () => {
  it.each([
    [{}, true, 1],
    [{}, false, 0],
    [{ COLORTERM: 'truecolor' }, true, 3],
    [{ TERM: 'dumb' }, true, 0],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '' }, true, 1],
    [{ FORCE_COLOR: '1' }, false, 1],
    [{ FORCE_COLOR: '' }, false, 1],
    [{ FORCE_COLOR: '3' }, false, 3],
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ FORCE_COLOR: 'false' }, true, 0],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, false, 1],
    [{ FORCE_COLOR: '3', NO_COLOR: 'yes' }, true, 0],
  ] as const)('%j on a terminal: %s -> %i', (env, tty, level) => {
    expect(colourLevel(env as NodeJS.ProcessEnv, tty)).toBe(level);
  });
});

describe('grid', () => {
  const head = ['Criterion', 'Apache Airflow', 'Metaflow', 'Kubeflow', 'MLflow'];
  const rows = [
    ['Orchestration and scheduling', '5', '3', '4', '0'],
    ['Ease of adoption', '2', '5', '1', '4'],
  ];
  it.each([40, 60, 79, 80, 120])('at %i columns no line is wider than the terminal', (columns) => {
    for (const colour of [0, 3] as const) {
      const text = grid(head, rows, { colour, columns }, new Chalk({ level: colour }));
      for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(columns);
    }
  });

  it('is a table when it fits and a list when it does not', () => {
    const c = new Chalk({ level: 0 });
    expect(grid(head, rows, { colour: 0, columns: 120 }, c)).toMatch(/^┌/);
    expect(grid(head, rows, { colour: 0, columns: 60 }, c)).toBe(
      '- Orchestration and scheduling\n    Apache Airflow: 5\n    Metaflow: 3\n    Kubeflow: 4\n    MLflow: 0\n' +
        '- Ease of adoption\n    Apache Airflow: 2\n    Metaflow: 5\n    Kubeflow: 1\n    MLflow: 4',
    );
  });
});

describe('answers from standard input', () => {
  const io = (stdinIsTTY: boolean): Io => ({
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: new PassThrough() as unknown as Io['stdin'],
    env: {},
    stdinIsTTY,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 100,
  });

  it('--answers - on a terminal is refused rather than waiting for typing', async () => {
    await expect(runRecommend({ answers: '-' }, io(true))).rejects.toThrow(
      /--answers -: standard input is a terminal; pipe the answers in \(e\.g\. --answers - < team\.json\) or give a file\./,
    );
  });

  it('stops reading at the limit', async () => {
    let chunks = 0;
    const endless = (async function* () {
      for (;;) {
        chunks++;
        yield Buffer.alloc(64 * 1024, 0x20);
      }
    })();
    await expect(readAnswersFile('-', catalog, endless)).rejects.toThrow(/more than 1048576 bytes is too large/);
    expect(chunks * 64 * 1024).toBe(MAX_ANSWERS_BYTES + 64 * 1024);
  });
});
