// The built binary in a real pseudo-terminal, as a person meets it: no arguments, a terminal.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { BIN, hasStack } from '../helpers/cli.js';
import { KEY, PtySession } from './session.js';

const TOOL_NAMES = ['Apache Airflow', 'Metaflow', 'Kubeflow', 'MLflow'];

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe('mlflow-advisor on a terminal', () => {
  it('Enter at every prompt walks the questionnaire, the review and the save offer to a recommendation', async () => {
    session = PtySession.start([]);
    const first = await session.waitFor(/\? \(1\/(\d+)\) /);
    const total = Number(first[1]);
    expect(total).toBeGreaterThanOrEqual(10);
    let at = first.index;
    for (let i = 1; i <= total; i++) {
      // The active prompt starts with "?"; once answered it turns into a "✔" line.
      at = (await session.waitFor(new RegExp(`\\? \\(${i}/${total}\\) `), at)).end;
      session.press(KEY.enter);
    }
    at = (await session.waitFor(/\? Review your answers/, at)).end;
    session.press(KEY.enter);
    at = (await session.waitFor(/\? Save these answers[^\n]*\(y\/N\)/, at)).end;
    session.press(KEY.enter);
    const { code, notes } = await session.exit();
    expect(code).toBe(0);
    const screen = session.text;
    expect(screen).toContain('Recommended:');
    for (const name of TOOL_NAMES) expect(screen).toContain(name);
    expect(screen).not.toContain('Saved answers');
    expect(hasStack(screen)).toBe(false);
    expect(notes).toContain('echo=1 icanon=1');
  }, 60_000);

  it('Ctrl+C at the first prompt exits 130 with one line, no stack trace, cursor shown again', async () => {
    session = PtySession.start([]);
    await session.waitFor(/\? \(1\/\d+\) /);
    session.press(KEY.ctrlC);
    const { code, notes } = await session.exit();
    expect(code).toBe(130);
    const screen = session.text;
    // After the prompt's last help line ("... ⏎ select") comes one short line and nothing else.
    expect(screen.slice(screen.lastIndexOf('select') + 'select'.length).trim()).toBe('Interrupted.');
    // The cursor stays on the default as the prompt quits: the screen does not seem to show an answer.
    const first = catalog.questions[0]!;
    const defaultLabel = first.choices.find((c) => c.value === first.default)!.label;
    expect(screen.slice(screen.lastIndexOf('❯')).startsWith(`❯ ${defaultLabel}\n`)).toBe(true);
    expect(hasStack(screen)).toBe(false);
    expect(session.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(session.raw.lastIndexOf('\u001b[?25l'));
    expect(notes).toContain('echo=1 icanon=1');
  }, 60_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s at a prompt ends the run with %i, the cursor shown and the terminal back in its mode', async (signal, code) => {
    session = PtySession.start([]);
    await session.waitFor(/\? \(1\/\d+\) /);
    await session.signal(signal);
    const exit = await session.exit();
    // The relay reports a command killed by signal N as 128 + N, as a shell does.
    expect(exit.code).toBe(code);
    expect(hasStack(session.text)).toBe(false);
    expect(session.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(session.raw.lastIndexOf('\u001b[?25l'));
    expect(exit.notes).toContain('echo=1 icanon=1');
  }, 60_000);

  it('with standard input from /dev/null on a terminal, never prompts and answers from defaults', async () => {
    session = PtySession.start([], { stdinNull: true });
    const { code } = await session.exit();
    expect(code).toBe(0);
    expect(session.text).toContain('Recommended:');
    expect(session.text).toContain('Defaults taken for');
    expect(session.text).not.toMatch(/\? \(1\//);
  }, 60_000);
});

describe('mlflow-advisor </dev/null, no terminal at all', () => {
  it('finishes at once with exit 0 and a recommendation from defaults', () => {
    const r = spawnSync(process.execPath, [BIN], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 20_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Recommended:');
    expect(r.stderr).not.toMatch(/\? \(1\//);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
