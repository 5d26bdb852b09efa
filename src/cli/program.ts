// The command-line surface: commands, flags generated from the question data, help with
// examples. Command modules load lazily so each path pays only for what it uses.
import { Command, Option } from 'commander';
import { catalog } from '../catalog/catalog.js';
import { TOOLS_QUESTION, toolIds } from '../catalog/ids.js';
import { parseValue } from '../questionnaire/resolve.js';
import { flagOf } from '../questionnaire/questions.js';
import { InputError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';
import { FORMATS, parseFormat } from './formats.js';
import type { Io } from './io.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const RECOMMEND_EXAMPLES = `
Examples:
  $ mlflow-advisor                                   # interactive questionnaire on a terminal
  $ mlflow-advisor recommend --no-interactive        # a quick try: every answer its default
  $ mlflow-advisor recommend --team-size small --tracking essential --detail
  $ mlflow-advisor recommend --json --no-interactive | jq '.recommendation.tools'
  $ mlflow-advisor recommend --answers team.json --format markdown --output docs/adr/0001-ml-platform.md
  $ mlflow-advisor recommend --answers team.json --format html --output ml-platform.html   # a page to share
  $ mlflow-advisor recommend --answers team.json --expect mlflow   # CI gate: exit 3 if the advice changed
  $ mlflow-advisor recommend --answers alice.yaml --answers bob.json   # team mode: one file per member
  $ mlflow-advisor recommend --member alice --save team.json          # add your answers to a team file

Without a terminal (CI, pipes) or with --no-interactive it never prompts: unanswered questions take
their defaults and the output lists them. Exit codes: 0 ok, 1 a file not written or an unexpected
failure, 2 bad usage or input (nothing written), 3 --expect mismatch, 130 interrupted.`;

const ROOT_EXAMPLES = `${RECOMMEND_EXAMPLES.replace(/\n\nWithout[\s\S]*$/, '')}
  $ mlflow-advisor compare                           # the four tools on every criterion
  $ mlflow-advisor explain kubeflow                  # one tool's cited profile
  $ mlflow-advisor sources seed:ML-7                 # a cited claim, in English and the Hindi original
  $ mlflow-advisor questions --json                  # every question, flag, choice and default
  $ mlflow-advisor schema > advisor.schema.json      # JSON Schema of recommend --json
  $ source <(mlflow-advisor completion bash)         # shell completion (also zsh, fish)
${RECOMMEND_EXAMPLES.slice(RECOMMEND_EXAMPLES.indexOf('\n\nWithout') + 1)}`;

/**
 * A value parser that refuses an option where a value belongs: commander takes the next word
 * whatever it is, so `--team-size --json` would read "--json" as the team size. No value of
 * these options starts with two dashes.
 */
function noFlag<T = string>(flag: string, parse: (raw: string) => T = (raw) => raw as T): (raw: string) => T {
  return (raw: string) => {
    if (raw.startsWith('--')) throw new InputError(`${flag}: value missing (the next word is the option ${raw}); give ${flag} a value.`);
    return parse(raw);
  };
}

/** --catalog FILE, repeatable: an organisation's tools, changes and exclusions on top of the built-in catalog. */
const CATALOG_OPTION = () =>
  new Option(
    '--catalog <file>',
    "apply an organisation's catalog file (JSON or YAML: tools to add, override or exclude; `schema catalog` describes it); repeat it for several. `landscape` is the example shipped with the package",
  ).argParser((file: string, before?: string[]) => [...(before ?? []), noFlag('--catalog')(file)]);

function addAnswerOptions(cmd: Command): Command {
  for (const q of catalog.questions) {
    // The values beside the questionnaire's words for them: `small (2-5 people)`.
    const values = q.choices.map((c) => `${c.value} (${c.label})`).join(', ');
    const def = Array.isArray(q.default) ? q.default.join(',') || 'none' : q.default;
    const opt = new Option(`${flagOf(q)} <${q.type === 'multi' ? 'list' : 'value'}>`, `${q.prompt} ${q.type === 'multi' ? 'Comma-separated: ' : ''}${values}; default: ${def}`);
    // The tools a team runs depend on --catalog, so recommend checks that answer once it is read.
    opt.argParser(noFlag(flagOf(q), (raw: string) => (q.id === TOOLS_QUESTION ? raw : parseValue(q, raw, flagOf(q)))));
    cmd.addOption(opt);
  }
  return cmd
    .addOption(
      new Option('--answers <file>', 'read answers from a JSON or YAML file (- for standard input); flags override it. Repeat it for a team: one file per member')
        // One file stays a string (today's single-team path); a repeat makes the list of members.
        .argParser((file: string, before: string | string[] | undefined) => {
          noFlag('--answers')(file);
          return before === undefined ? file : [...[before].flat(), file];
        }),
    )
    .addOption(CATALOG_OPTION())
    .addOption(new Option('--member <name>', "with --save TEAMFILE: add this run's answers to a team file as this member (or replace that member's)").argParser(noFlag('--member')))
    .option('--json', 'print one JSON document (same as --format json)')
    // The choices for help and completion; the parser also takes any case and md.
    .addOption(new Option('--format <format>', 'output format (md for markdown)').choices(FORMATS).argParser(noFlag('--format', parseFormat)))
    .option('--detail', 'the whole explanation on the terminal: every reason, exclusions, all combinations, roadmap, managed offerings, sources')
    .option('--no-interactive', 'never prompt; unanswered questions take their defaults')
    .addOption(new Option('--save <file>', 'write the resolved answers to a file that --answers can replay (YAML for .yaml or .yml, else JSON)').argParser(noFlag('--save')))
    .option('--force', 'replace an existing --save file without asking (needed without a terminal)')
    .addOption(new Option('--expect <tools>', 'exit 3 unless the recommendation is exactly these tools (comma-separated)').argParser(noFlag('--expect')))
    .addOption(new Option('-o, --output <file>', 'write the rendered result to a file (replaced whole) instead of standard output (-)').argParser(noFlag('--output')));
}

/**
 * The whole command-line surface. `argv` (process.argv), when given, lets a run that names a
 * command first build only what it can reach: that command, without the other commands and the
 * root's own copy of the answer flags, which only a line starting with options reads. The root
 * help, `help` and completion read everything, so they get everything.
 */
export function buildProgram(io: Io, argv?: readonly string[]): Command {
  const program = new Command('mlflow-advisor');
  program
    .description('Choose between Apache Airflow, Metaflow, Kubeflow and MLflow (or a combination) for your ML team.')
    .version(VERSION, '-v, --version')
    .usage('[options] [command]')
    .option('--debug', 'print stack traces of unexpected failures')
    .enablePositionalOptions()
    .exitOverride()
    .showSuggestionAfterError()
    // `mlflow-advisor help [command]`, which the default action would otherwise take for a typo.
    .helpCommand(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // The error boundary prints commander's errors, as one line like every other error.
      outputError: () => {},
    });

  // Bare `mlflow-advisor` is the questionnaire (on a terminal) or a recommendation from defaults.
  const first = argv?.[2];
  const commandFirst = first !== undefined && ['recommend', 'compare', 'explain', 'sources', 'questions', 'schema'].includes(first);
  const wanted = (name: string) => !commandFirst || first === name;
  (commandFirst ? program : addAnswerOptions(program))
    .argument('[command]', 'recommend (the default), compare, explain, sources, questions, schema or completion')
    .addHelpText('after', ROOT_EXAMPLES)
    .action(async (command: string | undefined, opts) => {
      // Commander hands an unknown command to the default action as an operand.
      if (command !== undefined) {
        const names = program.commands.map((c) => c.name());
        throw new InputError(`unknown command "${command}".${didYouMean(command, names)} Commands: ${names.join(', ')}.`);
      }
      const { runRecommend } = await import('./commands/recommend.js');
      await runRecommend(opts, io);
    });

  // Options before a command (`mlflow-advisor --team-size large recommend`, `--json explain
  // mlflow`) are parsed by the root: the command takes those it has (its own, after it, win),
  // and refuses the rest rather than dropping them unseen.
  program.hook('preAction', (_root, action) => {
    if (action === program) return;
    const given = program.options.filter((o) => o.long !== '--debug' && program.getOptionValueSource(o.attributeName()) === 'cli');
    const foreign = given.filter((o) => !action.options.some((x) => x.long === o.long));
    if (foreign.length) {
      throw new InputError(`${foreign.map((o) => o.long).join(', ')}: not an option of ${action.name()}; options go after the command (mlflow-advisor ${action.name()} --help lists them).`);
    }
    for (const o of given) {
      const key = o.attributeName();
      if (action.getOptionValueSource(key) !== 'cli') action.setOptionValueWithSource(key, program.getOptionValue(key), 'cli');
    }
  });

  if (wanted('recommend')) {
    addAnswerOptions(program.command('recommend').description('rank the tools for your answers and recommend a tool or a stack'))
      .addHelpText('after', RECOMMEND_EXAMPLES)
      .action(async (opts) => {
        const { runRecommend } = await import('./commands/recommend.js');
        await runRecommend(opts, io);
      });
  }

  if (wanted('compare')) {
    program
      .command('compare')
      .description("the catalog's tools side by side on every criterion, with the sources of each rating")
      .option('--json', 'print one JSON document')
      .addOption(CATALOG_OPTION())
      .addHelpText('after', '\nExamples:\n  $ mlflow-advisor compare\n  $ mlflow-advisor compare --catalog landscape   # with ZenML, Prefect, Dagster, Flyte and W&B\n  $ mlflow-advisor compare --json | jq \'.criteria[0]\'')
      .action(async (opts) => {
        const { runCompare } = await import('./commands/compare.js');
        await runCompare(opts, io);
      });
  }

  if (wanted('explain')) {
    program
      .command('explain')
      .description('a tool\'s profile: facts, strengths, trade-offs, managed offerings, first steps, each with its sources')
      .argument('<tool>', `one of ${toolIds(catalog).join(', ')}, or a tool of a --catalog file`)
      .option('--json', 'print one JSON document')
      .addOption(CATALOG_OPTION())
      .addHelpText('after', '\nExamples:\n  $ mlflow-advisor explain mlflow\n  $ mlflow-advisor explain kubeflow --json')
      .action(async (tool: string, opts) => {
        const { runExplain } = await import('./commands/explain.js');
        await runExplain(tool, opts, io);
      });
  }

  if (wanted('sources')) {
    program
      .command('sources')
      .description('the claims of the source article that seed:ID sources cite, in English and the Hindi original')
      .argument('[id]', 'a claim id such as ML-7 or seed:ML-7 (any case); without it, every claim')
      .option('--json', 'print one JSON document')
      .addHelpText(
        'after',
        "\nExamples:\n  $ mlflow-advisor sources\n  $ mlflow-advisor sources seed:ML-7\n  $ mlflow-advisor sources --json | jq -r '.claims[] | select(.topic == \"kubeflow\") | .ref'",
      )
      .action(async (id: string | undefined, opts) => {
        const { runSources } = await import('./commands/sources.js');
        await runSources(id, opts, io);
      });
  }

  if (wanted('questions')) {
    program
      .command('questions')
      .description('every question: id, flag, choices, default and when it is asked')
      .option('--json', 'print one JSON document')
      .addOption(CATALOG_OPTION())
      .addHelpText('after', '\nExamples:\n  $ mlflow-advisor questions\n  $ mlflow-advisor questions --json | jq -r \'.[].flag\'')
      .action(async (opts) => {
        const { runQuestions } = await import('./commands/questions.js');
        await runQuestions(opts, io);
      });
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .description('a shell completion script for bash, zsh or fish (commands, flags and their values)')
      .argument('[shell]', 'bash, zsh or fish')
      .addOption(CATALOG_OPTION())
      .addHelpText(
        'after',
        '\nExamples:\n  $ source <(mlflow-advisor completion bash)       # this bash session' +
          '\n  $ mlflow-advisor completion bash > ~/.local/share/bash-completion/completions/mlflow-advisor' +
          '\n  $ mlflow-advisor completion zsh > "${fpath[1]}/_mlflow-advisor"' +
          '\n  $ mlflow-advisor completion fish > ~/.config/fish/completions/mlflow-advisor.fish',
      )
      .action(async (shell: string | undefined, opts: { catalog?: string[] }) => {
        const { runCompletion } = await import('./commands/completion.js');
        await runCompletion(shell, program, io, opts);
      });
  }

  if (wanted('schema')) {
    program
      .command('schema')
      .description('the JSON Schema of the --json output of recommend, or of a catalog file (schema catalog)')
      .argument('[document]', 'output (the default: recommend --json) or catalog (a --catalog file)')
      .addHelpText(
        'after',
        "\nExamples:\n  $ mlflow-advisor schema > advisor.schema.json\n  $ mlflow-advisor schema | jq '.properties | keys'\n  $ mlflow-advisor schema catalog > catalog.schema.json",
      )
      .action(async (document: string | undefined) => {
        const { runSchema } = await import('./commands/schema.js');
        await runSchema(io, document);
      });
  }

  return program;
}
