// The built binary in a real pseudo-terminal, as a person meets it: no arguments, a terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { BIN, hasStack } from '../helpers/cli.js';
import { KEY, PtySession } from './session.js';

const TOOL_NAMES = ['Apache Airflow', 'Metaflow', 'Kubeflow', 'MLflow'];

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe('mlflow-advisor on a terminal', () => {
  /** Presses Enter at every question from `at` on, until the review shows; returns where it shows. */
  async function enterToReview(s: PtySession, at: number, total: number): Promise<number> {
    for (;;) {
      // The active prompt starts with "?"; once answered it turns into a "✔" line.
      const m = await s.waitFor(new RegExp(`\\? (\\((\\d+)/${total}\\) |Review your answers)`), at);
      if (m[0].includes('Review')) return m.index;
      at = m.end;
      s.press(KEY.enter);
    }
  }

  it('Enter at every prompt walks the questionnaire, the review and the save offer to a recommendation', async () => {
    session = PtySession.start([]);
    const first = await session.waitFor(/\? \(1\/(\d+)\) /);
    const total = Number(first[1]);
    expect(total).toBe(catalog.questions.length);
    let at = await enterToReview(session, first.index, total);
    at = (await session.waitFor(/\? Review your answers/, at)).end;
    session.press(KEY.enter);
    at = (await session.waitFor(/\? Save these answers[^\n]*\(y\/N\)/, at)).end;
    session.press(KEY.enter);
    const { code, notes } = await session.exit();
    expect(code).toBe(0);
    const screen = session.text;
    // The total never changes; the question after one passed over says why.
    expect(screen.match(/\((\d+)\/(\d+)\)/g)!.every((p) => p.endsWith(`/${total})`))).toBe(true);
    expect(screen).toContain('Skipped Kubernetes skill');
    expect(screen).toContain('Recommended:');
    for (const name of TOOL_NAMES) expect(screen).toContain(name);
    expect(screen).not.toContain('Saved answers');
    expect(hasStack(screen)).toBe(false);
    expect(notes).toContain('echo=1 icanon=1');
  }, 60_000);

  it('← goes back one question; the changed answer is reviewed and used', async () => {
    session = PtySession.start([]);
    const first = await session.waitFor(/\? \(1\/(\d+)\) How many people/);
    const total = Number(first[1]);
    session.press(KEY.enter);
    let at = (await session.waitFor(new RegExp(`\\? \\(2/${total}\\) [\\s\\S]*← back`), first.end)).end;
    session.press(KEY.left);
    // The first question again, its answer pre-selected; pick the next choice.
    at = (await session.waitFor(/\? \(1\/\d+\) How many people[^\n]*\n {2}Just me\n❯ 2-5 people/, at)).end;
    session.press(KEY.down);
    at = (await session.waitFor(/❯ 6-20 people/, at)).end;
    session.press(KEY.enter);
    at = await enterToReview(session, at, total);
    const reviewed = (await session.waitFor(/Team size\s+6-20 people\n/, at)).end;
    session.press(KEY.enter);
    at = (await session.waitFor(/\? Save these answers[^\n]*\(y\/N\)/, reviewed)).end;
    session.press(KEY.enter);
    const { code } = await session.exit();
    expect(code).toBe(0);
    const result = session.text.slice(reviewed, at);
    expect(result).toContain('Recommended:');
    // Every question that applies was answered: no defaults to report, not even the one passed over.
    expect(result).not.toMatch(/Defaults taken|Every answer is a default/);
    expect(hasStack(session.text)).toBe(false);
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
    expect(screen.slice(screen.lastIndexOf('❯')).startsWith(`❯ ${defaultLabel} (default)\n`)).toBe(true);
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

  it('with the output redirected (mlflow-advisor > out.txt), says on the terminal that defaults were taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-pty-'));
    try {
      const out = join(dir, 'out.txt');
      session = PtySession.start(['--team-size', 'large'], { stdoutTo: out });
      const { code } = await session.exit();
      expect(code).toBe(0);
      expect(session.text.trim()).toMatch(/^mlflow-advisor: no terminal to ask on, so 14 answers are defaults; give them as flags \(mlflow-advisor questions\) or --answers FILE, or add --no-interactive\.$/);
      expect(readFileSync(out, 'utf8')).toMatch(/^Recommended: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('with standard input from /dev/null on a terminal, never prompts and answers from defaults', async () => {
    session = PtySession.start([], { stdinNull: true });
    const { code } = await session.exit();
    expect(code).toBe(0);
    expect(session.text).toContain('Recommended:');
    expect(session.text).toContain('Every answer is a default');
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
