// Shell completion scripts: generated from the program and the question data, valid for each
// shell, and completing commands, flags and values when a shell actually runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { completionScript, completionSpec, parseShell, SHELLS } from '../../src/cli/commands/completion.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { InputError } from '../../src/errors.js';
import { flagOf } from '../../src/questionnaire/questions.js';

const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} } as unknown as Io;
const spec = completionSpec(buildProgram(io));
const script = (shell: (typeof SHELLS)[number]) => completionScript(shell, spec);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const shellRun = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
const dir = mkdtempSync(join(tmpdir(), 'advisor-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The script for a shell, written to a file the shell can read. */
const scriptFile = (shell: (typeof SHELLS)[number]) => {
  const path = join(dir, `completion.${shell}`);
  writeFileSync(path, script(shell));
  return path;
};

/** What the bash script offers for a command line whose last word is being completed. */
function bashComplete(lines: string[][]): string[] {
  const calls = lines
    .map((words) => `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _mlflow_advisor; echo "\${COMPREPLY[*]}"`)
    .join('\n');
  const r = shellRun('bash', ['-c', `source '${scriptFile('bash')}'\n${calls}`]);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').slice(0, lines.length);
}

describe('completion spec', () => {
  it('has every command and every answer flag with its values', () => {
    expect(spec.commands.map((c) => c.name)).toEqual(expect.arrayContaining(['recommend', 'compare', 'explain', 'sources', 'questions', 'schema', 'completion', 'help']));
    const recommend = spec.commands.find((c) => c.name === 'recommend')!;
    for (const q of catalog.questions) {
      for (const options of [recommend.options, spec.root]) {
        const o = options.find((x) => x.names.includes(flagOf(q)))!;
        expect(o.value).toEqual({ kind: q.type === 'multi' ? 'list' : 'one', values: q.choices.map((c) => c.value) });
      }
    }
    expect(recommend.options.find((o) => o.names.includes('--format'))!.value).toEqual({ kind: 'one', values: ['table', 'json', 'markdown', 'html'] });
    expect(recommend.options.find((o) => o.names.includes('--output'))!).toMatchObject({ names: ['-o', '--output'], value: { kind: 'file' } });
    expect(spec.commands.find((c) => c.name === 'explain')!.args).toEqual(['airflow', 'metaflow', 'kubeflow', 'mlflow']);
  });

  it('refuses an unknown shell, naming the allowed ones', () => {
    expect(parseShell(' Zsh ')).toBe('zsh');
    expect(() => parseShell('pwsh')).toThrow(InputError);
    expect(() => parseShell('tcsh')).toThrow(/unknown shell "tcsh"; use one of: bash, zsh, fish\./);
    expect(() => parseShell(undefined)).toThrow(/name a shell: bash, zsh, fish/);
  });
});

describe('bash', () => {
  it('parses, and holds every flag and value', () => {
    const text = script('bash');
    expect(shellRun('bash', ['-n', scriptFile('bash')]).status).toBe(0);
    for (const q of catalog.questions) {
      expect(text).toContain(flagOf(q));
      for (const c of q.choices) expect(text).toContain(c.value);
    }
    expect(text).toMatch(/^complete -F _mlflow_advisor mlflow-advisor$/m);
  });

  it('completes commands, flags, values, list items and files', () => {
    expect(
      bashComplete([
        ['mlflow-advisor', ''],
        ['mlflow-advisor', 'rec'],
        ['mlflow-advisor', 'recommend', '--team'],
        ['mlflow-advisor', 'recommend', '--team-size', ''],
        ['mlflow-advisor', 'recommend', '--team-size', '=', 'me'],
        ['mlflow-advisor', 'recommend', '--needs', 'lineage,sch'],
        ['mlflow-advisor', '--budget', 'moderate', '--tra'],
        ['mlflow-advisor', 'explain', ''],
        ['mlflow-advisor', 'completion', 'f'],
        ['mlflow-advisor', 'recommend', '--format', ''],
        ['mlflow-advisor', 'compare', '--'],
        ['mlflow-advisor', 'recommend', '--answers', 'package.js'],
      ]),
    ).toEqual([
      'recommend compare explain sources questions completion schema help',
      'recommend',
      '--team-size',
      'solo small medium large',
      'medium',
      'lineage,scheduling',
      '--tracking',
      'airflow metaflow kubeflow mlflow',
      'fish',
      'table json markdown html',
      '--json --catalog --help',
      'package.json',
    ]);
  });

  it('does not offer a list item twice', () => {
    const [offered] = bashComplete([['mlflow-advisor', 'recommend', '--existing-tools', 'mlflow,']]);
    expect(offered!.split(' ').sort()).toEqual(['mlflow,airflow,', 'mlflow,kubeflow,', 'mlflow,metaflow,']);
  });
});

describe.skipIf(!has('zsh'))('zsh', () => {
  it('parses and registers its completion function', () => {
    const text = script('zsh');
    expect(text.split('\n')[0]).toBe('#compdef mlflow-advisor');
    expect(shellRun('zsh', ['-n', scriptFile('zsh')]).status).toBe(0);
    const r = shellRun('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -D; source '${scriptFile('zsh')}'; print -r -- $_comps[mlflow-advisor]`]);
    expect(r.stdout.trim()).toBe('_mlflow_advisor');
    for (const q of catalog.questions) expect(text).toContain(`${flagOf(q)}[`);
  });
});

describe.skipIf(!has('fish'))('fish', () => {
  it('parses and completes values and list items', () => {
    expect(shellRun('fish', ['-n', scriptFile('fish')]).status).toBe(0);
    const lines = ['mlflow-advisor recommend --team-size ', 'mlflow-advisor recommend --needs=lineage,sch', 'mlflow-advisor explain k'];
    const r = shellRun('fish', ['--no-config', '-c', `source '${scriptFile('fish')}'; for l in ${lines.map((l) => `'${l}'`).join(' ')}; complete -C "$l" | cut -f1 | string join ' '; end`]);
    expect(r.stdout.trim().split('\n')).toEqual(['large medium small solo', '--needs=lineage,scheduling', 'kubeflow']);
  });
});
