// The questionnaire's flows on @inquirer/testing's fake screen: the real prompts, real question
// data, keys pressed by a script.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { runRecommend } from '../../src/cli/commands/recommend.js';
import type { Io } from '../../src/cli/io.js';
import { createPrompter } from '../../src/questionnaire/prompter.js';
import { defaults } from '../../src/questionnaire/questions.js';
import { resolveAnswers } from '../../src/questionnaire/resolve.js';
import { CTRL_C, DOWN, ENTER, scriptedKit, SPACE, type Step } from '../helpers/screen-kit.js';

const io = { stdin: process.stdin };
const prompterWith = (kit: ReturnType<typeof scriptedKit>['kit']) => createPrompter(catalog, io, { kit, columns: 100, rows: 40 });
const q = (id: string) => catalog.questions.find((x) => x.id === id)!;
const label = (id: string, value: string) => q(id).choices.find((c) => c.value === value)!.label;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const enterAll = () => [ENTER];
/** The fake screen wraps long lines at 80 columns. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** A question's place and the total as the questionnaire shows them with nothing given: fixed for the run. */
const TOTAL = catalog.questions.length;
const num = (id: string) => `(${catalog.questions.findIndex((x) => x.id === id) + 1}/${TOTAL})`;
/** The first pass with Enter everywhere: the 15 questions that apply without Kubernetes. */
const firstPass = (): Step[] =>
  catalog.questions.filter((x) => x.id !== 'kubernetesExpertise').map((x) => ({ see: new RegExp(`${esc(num(x.id))} ${esc(x.prompt)}`), keys: [ENTER] }));

const tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-prompter-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the questions', () => {
  it('show progress, help and the default pre-selected; Enter everywhere gives the defaults', async () => {
    const { kit, screens, last } = scriptedKit(enterAll);
    const r = await resolveAnswers(catalog, {}, prompterWith(kit));
    const asked = catalog.questions.filter((x) => x.id !== 'kubernetesExpertise');
    expect(screens).toHaveLength(asked.length + 1); // and the review
    asked.forEach((x, i) => {
      const screen = screens[i]!;
      expect(screen).toContain(`${num(x.id)} ${x.prompt}`);
      expect(flat(screen)).toContain(x.help);
      // The highlighted choice explains itself; the default says it is one.
      const first = x.type === 'single' ? x.choices.find((c) => c.value === x.default)! : x.choices[0]!;
      expect(flat(screen)).toContain(first.help!);
      if (x.type === 'single') expect(screen).toMatch(new RegExp(`❯ ${esc(label(x.id, x.default as string))} \\(default\\)\\n`));
      else for (const c of x.choices) expect(screen).toMatch(new RegExp(`${(x.default as string[]).includes(c.value) ? `◉ ${esc(c.label)} \\(default\\)` : `◯ ${esc(c.label)}\\n`}`));
      // ← goes back from the second question on.
      expect(screen.includes('← back')).toBe(i > 0);
    });
    // The question after one passed over says why its number was skipped.
    expect(flat(screens[4]!)).toContain('Skipped Kubernetes skill: it does not apply to your answers so far.');
    expect(screens.at(-1)).toContain('Review your answers');
    expect(r.answers).toEqual(defaults(catalog));
    expect(r.defaulted).toEqual(['kubernetesExpertise']);
    // An empty multi-choice answer reads "none" once answered.
    expect(last.find((s) => s.includes(q('needs').prompt))).toMatch(/capabilities must the team have\? none$/);
  });

  it('branch: Kubernetes in production brings in the Kubernetes skill question', async () => {
    const { kit, screens } = scriptedKit((screen) => (screen.includes(q('kubernetes').prompt) ? [DOWN, DOWN, ENTER] : [ENTER]));
    const r = await resolveAnswers(catalog, {}, prompterWith(kit));
    expect(screens[3]).toContain(`(4/16) ${q('kubernetes').prompt}`);
    expect(screens[4]).toContain(`(5/16) ${q('kubernetesExpertise').prompt}`);
    expect(screens[5]).toContain(`(6/16) ${q('budget').prompt}`);
    expect(flat(screens[4]!)).toContain(q('kubernetesExpertise').help);
    expect(r.answers.kubernetes).toBe('production');
    expect(r.origins.kubernetesExpertise).toBe('prompt');
    expect(r.defaulted).toEqual([]);
  });

  it('← goes back to the previous question, its answer pre-selected; the changed answer is the one kept', async () => {
    const { kit, played } = scriptedKit([
      { see: /\(1\/16\) How many people/, keys: [DOWN, DOWN, ENTER] },
      { see: /\(2\/16\) How experienced/, keys: [ENTER] },
      // At the third question, back to the second, then back to the first.
      { see: /\(3\/16\)[\s\S]*← back/, keys: ['left'] },
      { see: /\(2\/16\) How experienced[\s\S]*❯ Intermediate/, keys: ['left'] },
      { see: /\(1\/16\) How many people[\s\S]*❯ More than 20/, keys: ['up', ENTER] },
      ...firstPass().slice(1),
      { see: /Review your answers[\s\S]*Team size\s+6-20 people\n/, keys: [ENTER] },
    ]);
    const r = await resolveAnswers(catalog, {}, prompterWith(kit));
    expect(played()).toBe(20);
    expect(r.answers.teamSize).toBe('medium');
    expect(r.origins.teamSize).toBe('prompt');
  });

  it('does not ask again what flags and the answers file gave, and marks them in the review', async () => {
    const { kit, screens } = scriptedKit(enterAll);
    const given = { flags: { teamSize: 'large', needs: ['lineage'] }, file: { teamSize: 'solo', budget: 'minimal' } };
    const r = await resolveAnswers(catalog, given, prompterWith(kit));
    for (const id of ['teamSize', 'needs', 'budget']) expect(screens.some((s) => s.includes(q(id).prompt))).toBe(false);
    expect(screens[0]).toContain(`(1/13) ${q('mlExpertise').prompt}`);
    const review = screens.at(-1)!;
    expect(review).toMatch(/Team size\s+More than 20 \(flag\)/);
    expect(review).toMatch(/Budget\s+Minimal \(answers file\)/);
    expect(review).toMatch(/Required capabilities\s+Lineage and versioning \(flag\)/);
    expect(r.answers).toMatchObject({ teamSize: 'large', budget: 'minimal', needs: ['lineage'] });
  });

  it('asks nothing, not even the review, when every answer is given', async () => {
    const { kit, screens } = scriptedKit([]);
    const r = await resolveAnswers(catalog, { flags: defaults(catalog) }, prompterWith(kit));
    expect(screens).toEqual([]);
    expect(r.answers).toEqual(defaults(catalog));
  });

  it('a checkbox that needs an answer refuses an empty one; one that allows it takes it', async () => {
    const { kit } = scriptedKit([
      ...firstPass().slice(0, 8),
      // Languages: untick Python, try to go on, then tick both.
      { see: /\(10\/16\) Which languages/, keys: [SPACE, ENTER], after: { see: /At least one choice must be selected/, keys: [SPACE, DOWN, SPACE, ENTER] } },
      { see: /\(11\/16\)/, keys: [ENTER] },
      // Needs: tick the first, then untick it: none is fine.
      { see: /\(12\/16\) Which capabilities[\s\S]*None is a fine\s+answer/, keys: [SPACE, SPACE, ENTER] },
      ...firstPass().slice(11),
      { see: /Review your answers/, keys: [ENTER] },
    ]);
    const r = await resolveAnswers(catalog, {}, prompterWith(kit));
    expect(r.answers.languages).toEqual(['python', 'r']);
    expect(r.answers.needs).toEqual([]);
    expect(r.origins.needs).toBe('prompt');
  });
});

describe('the review', () => {
  it('changes one answer, asks the follow-up it brings, and reviews again', async () => {
    const { kit, played } = scriptedKit([
      ...firstPass(),
      { see: /Review your answers[\s\S]*Kubernetes usage\s+No\n/, keys: [DOWN, DOWN, DOWN, DOWN, ENTER] },
      { see: /Change: Does the team use Kubernetes today\?\n[\s\S]*❯ No \(default\)\n/, keys: [DOWN, ENTER] },
      { see: /And: How much Kubernetes skill[\s\S]*❯ Basic \(default\)\n/, keys: [DOWN, DOWN, ENTER] },
      { see: /Review your answers[\s\S]*Kubernetes usage\s+Planned\n\s+Kubernetes skill\s+Expert\n/, keys: [ENTER] },
    ]);
    const r = await resolveAnswers(catalog, {}, prompterWith(kit));
    expect(played()).toBe(19);
    expect(r.answers).toMatchObject({ kubernetes: 'planned', kubernetesExpertise: 'expert' });
    expect(r.origins).toMatchObject({ kubernetes: 'prompt', kubernetesExpertise: 'prompt' });
    expect(r.defaulted).toEqual([]);
  });

  it('puts an answer that no longer applies back to its default and stops listing it', async () => {
    const { kit } = scriptedKit([
      ...firstPass().slice(0, 3),
      { see: /\(4\/16\) Does the team use Kubernetes/, keys: [DOWN, DOWN, ENTER] },
      { see: /\(5\/16\) How much Kubernetes skill/, keys: [DOWN, DOWN, ENTER] },
      ...catalog.questions.slice(5).map((x, i) => ({ see: new RegExp(`\\(${i + 6}/16\\) ${esc(x.prompt)}`), keys: [ENTER] })),
      { see: /Kubernetes skill\s+Expert/, keys: [DOWN, DOWN, DOWN, DOWN, ENTER] },
      { see: /Change: Does the team use Kubernetes today\?[\s\S]*❯ Yes, in production/, keys: ['up', 'up', ENTER] },
      { see: /Kubernetes usage\s+No\n\s+Budget/, keys: [ENTER] },
    ]);
    const r = await resolveAnswers(catalog, {}, prompterWith(kit));
    expect(r.answers).toMatchObject({ kubernetes: 'none', kubernetesExpertise: q('kubernetesExpertise').default });
    expect(r.defaulted).toEqual(['kubernetesExpertise']);
  });

  it('can change an answer given as a flag; it then counts as answered here', async () => {
    const { kit } = scriptedKit([
      ...Array.from({ length: 14 }, () => ({ see: /\(\d+\/15\)/, keys: [ENTER] })),
      { see: /Team size\s+Just me \(flag\)/, keys: [DOWN, ENTER] },
      { see: /Change: How many people[\s\S]*❯ Just me/, keys: [DOWN, DOWN, ENTER] },
      { see: /Team size\s+6-20 people\n/, keys: [ENTER] },
    ]);
    const r = await resolveAnswers(catalog, { flags: { teamSize: 'solo' } }, prompterWith(kit));
    expect(r.answers.teamSize).toBe('medium');
    expect(r.origins.teamSize).toBe('prompt');
  });
});

describe('Ctrl+C', () => {
  it.each([
    ['the first question', (s: string) => s.includes('(1/16)')],
    ['a checkbox', (s: string) => s.includes('(10/16)')],
    ['the review', (s: string) => s.includes('Review your answers')],
  ])('at %s rejects with ExitPromptError for the CLI to turn into exit 130', async (_, here) => {
    const { kit, screens, last } = scriptedKit((screen) => (here(screen) ? [CTRL_C] : [ENTER]));
    await expect(resolveAnswers(catalog, {}, prompterWith(kit))).rejects.toMatchObject({ name: 'ExitPromptError' });
    // Nothing moves as it quits: the screen does not seem to show a choice made.
    expect(last.at(-1)).toBe(screens.at(-1));
  });
});

describe('the offer to save', () => {
  it('is declined by Enter', async () => {
    const { kit, screens } = scriptedKit([{ see: /Save these answers to a file that --answers can replay\? \(y\/N\)/, keys: [ENTER] }]);
    expect(await prompterWith(kit).offerSave()).toBeUndefined();
    expect(screens).toHaveLength(1);
  });

  it('suggests a file name and takes the one typed', async () => {
    const path = join(tmp, 'team.json');
    const { kit } = scriptedKit([
      { see: /Save these answers/, keys: ['y', ENTER] },
      { see: /Save the answers to: \(mlflow-advisor-answers\.json\)/, keys: [path, ENTER] },
    ]);
    expect(await prompterWith(kit).offerSave()).toBe(path);
  });

  it('asks before replacing a file, and again for a path when told no', async () => {
    const existing = join(tmp, 'existing.json');
    writeFileSync(existing, '{}');
    const other = join(tmp, 'other.json');
    const { kit } = scriptedKit([
      { see: /Save these answers/, keys: ['y', ENTER] },
      { see: /Save the answers to:/, keys: [existing, ENTER] },
      { see: new RegExp(`${esc(existing)} exists. Replace it\\? \\(y/N\\)`), keys: [ENTER] },
      { see: /Save the answers to:/, keys: [other, ENTER] },
    ]);
    expect(await prompterWith(kit).offerSave()).toBe(other);
  });

  it('says what is wrong with a path that cannot be written, and waits for a better one', async () => {
    const { kit } = scriptedKit([
      { see: /Save these answers/, keys: ['y', ENTER] },
      { see: /Save the answers to:/, keys: [join(tmp, 'missing-dir', 'a.json'), ENTER], after: { see: /No such directory: .*missing-dir/, keys: [CTRL_C] } },
    ]);
    await expect(prompterWith(kit).offerSave()).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('recommend on a (fake) terminal', () => {
  function fakeTerminal(tty: Partial<Pick<Io, 'stdinIsTTY' | 'stdoutIsTTY' | 'stderrIsTTY'>> = {}) {
    const out = { stdout: '', stderr: '' };
    const io: Io = {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
      stdin: process.stdin,
      env: { NO_COLOR: '1' },
      stdinIsTTY: true,
      stdoutIsTTY: true,
      stderrIsTTY: true,
      columns: 100,
      ...tty,
    };
    return { io, out };
  }

  it('questionnaire, result, then saves answers that --answers replays to the same advice', async () => {
    const path = join(tmp, 'replay.json');
    const { kit } = scriptedKit((screen) =>
      screen.includes('Does the team use Kubernetes') ? [DOWN, DOWN, ENTER]
      : screen.includes('Save these answers') ? ['y', ENTER]
      : screen.includes('Save the answers to:') ? [path, ENTER]
      : [ENTER],
    );
    const first = fakeTerminal();
    await runRecommend({ json: true }, first.io, async () => prompterWith(kit));
    const asked = JSON.parse(first.out.stdout);
    expect(asked.answers.kubernetes).toBe('production');
    expect(first.out.stderr).toContain(`Saved answers to ${path} (replay with --answers ${path})`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(asked.answers);

    const again = fakeTerminal();
    await runRecommend({ json: true, answers: path, interactive: false }, again.io, async () => {
      throw new Error('must not prompt with --no-interactive');
    });
    const replayed = JSON.parse(again.out.stdout);
    expect(replayed.answers).toEqual(asked.answers);
    expect(replayed.recommendation.tools).toEqual(asked.recommendation.tools);
  });

  it('--save onto an existing file asks first; no keeps the file and still prints the result', async () => {
    const path = join(tmp, 'kept.json');
    writeFileSync(path, 'keep me');
    const answered = { teamSize: 'solo', answers: undefined } as const;
    let asked = '';
    const { kit } = scriptedKit((screen) => {
      if (screen.includes('Replace it?')) asked = screen;
      return [ENTER];
    });
    const declined = fakeTerminal();
    await runRecommend({ ...answered, json: true, save: path }, declined.io, async () => prompterWith(kit));
    expect(asked.replace(/\n/g, '')).toContain(`${path} exists. Replace it? (y/N)`);
    expect(JSON.parse(declined.out.stdout).answers.teamSize).toBe('solo');
    expect(declined.out.stderr).toContain(`Not saving the answers: ${path} is kept.`);
    expect(readFileSync(path, 'utf8')).toBe('keep me');

    const yes = scriptedKit((screen) => (screen.includes('Replace it?') ? ['y', ENTER] : [ENTER]));
    const accepted = fakeTerminal();
    await runRecommend({ ...answered, json: true, save: path }, accepted.io, async () => prompterWith(yes.kit));
    expect(JSON.parse(readFileSync(path, 'utf8')).teamSize).toBe('solo');

    // With --force nothing is asked.
    const forced = fakeTerminal();
    writeFileSync(path, 'replace me');
    const noAsk = scriptedKit((screen) => {
      if (screen.includes('Replace it?')) throw new Error('must not ask with --force');
      return [ENTER];
    });
    await runRecommend({ ...answered, json: true, save: path, force: true }, forced.io, async () => prompterWith(noAsk.kit));
    expect(JSON.parse(readFileSync(path, 'utf8')).teamSize).toBe('solo');
  });

  it('the offer to save refuses the answers file of the run, and waits for another path', async () => {
    const answers = join(tmp, 'in.json');
    writeFileSync(answers, '{"teamSize": "solo"}');
    const { kit } = scriptedKit([
      { see: /Save these answers/, keys: ['y', ENTER] },
      { see: /Save the answers to:/, keys: [answers, ENTER], after: { see: /is the answers file of this run/, keys: [CTRL_C] } },
    ]);
    const prompter = prompterWith(kit);
    const check = (p: string) => (p === answers ? '--save: is the answers file of this run' : undefined);
    await expect(prompter.offerSave(check)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(readFileSync(answers, 'utf8')).toBe('{"teamSize": "solo"}');
  });

  it.each([
    ['stdin is not a terminal', { stdinIsTTY: false }, {}],
    ['stdout is not a terminal', { stdoutIsTTY: false }, {}],
    ['stderr, where prompts render, is not a terminal', { stderrIsTTY: false }, {}],
    ['--no-interactive is given', {}, { interactive: false }],
  ])('never prompts when %s', async (_, tty, flags) => {
    const t = fakeTerminal(tty);
    await runRecommend({ json: true, ...flags }, t.io, async () => {
      throw new Error('must not prompt');
    });
    expect(JSON.parse(t.out.stdout).defaulted).toHaveLength(catalog.questions.length);
  });

  it('with the output redirected, says on standard error that defaults were taken and how to answer', async () => {
    const noPrompt = async () => {
      throw new Error('must not prompt');
    };
    const redirected = fakeTerminal({ stdoutIsTTY: false });
    await runRecommend({ teamSize: 'large' }, redirected.io, noPrompt);
    // Kubernetes skill does not apply without Kubernetes: 14 of the 15 that apply are defaults.
    expect(redirected.out.stderr).toBe(
      'mlflow-advisor: no terminal to ask on, so 14 answers are defaults; give them as flags (mlflow-advisor questions) or --answers FILE, or add --no-interactive.\n',
    );
    for (const [tty, flags] of [
      [{ stdoutIsTTY: false }, { interactive: false }],
      [{ stdoutIsTTY: false, stderrIsTTY: false }, {}],
      [{ stdinIsTTY: false, stderrIsTTY: false }, { json: true }],
      [{ stdoutIsTTY: false }, { ...defaults(catalog) }],
    ] as const) {
      const t = fakeTerminal(tty);
      await runRecommend({ ...flags }, t.io, noPrompt);
      expect(t.out.stderr, JSON.stringify([tty, flags])).toBe('');
    }
  });

  it('does not offer to save when --save already names the file', async () => {
    const path = join(tmp, 'flag-save.json');
    const { kit, screens } = scriptedKit(enterAll);
    const t = fakeTerminal();
    await runRecommend({ json: true, save: path }, t.io, async () => prompterWith(kit));
    expect(screens.some((s) => s.includes('Save these answers'))).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(defaults(catalog));
  });
});
