// `completion bash|zsh|fish`: shell completion scripts generated from the commander program
// (commands and their flags) and the question data (each answer flag's values), so a new
// question or choice completes without touching this file.
import type { Command, Option } from 'commander';
import { catalog as builtIn } from '../../catalog/catalog.js';
import { toolIds } from '../../catalog/ids.js';
import type { Catalog } from '../../catalog/schema.js';
import { InputError } from '../../errors.js';
import { flagOf } from '../../questionnaire/questions.js';
import { didYouMean } from '../../util/suggest.js';
import { catalogFromFlag } from '../catalog-files.js';
import type { Io } from '../io.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Flags whose value is a path. */
const FILE_FLAGS = new Set(['--answers', '--save', '--output', '--catalog']);
/** Positional arguments the program checks itself (so commander has no choices for them). */
const argumentValues = (catalog: Catalog): Record<string, readonly string[]> => ({ explain: toolIds(catalog), completion: SHELLS, schema: ['output', 'catalog'] });

export interface OptionSpec {
  /** `--team-size`, or `-o` and `--output`. */
  names: string[];
  description: string;
  /** What follows the flag: nothing, one of some values, a comma-separated list, a path, or free text. */
  value: { kind: 'none' } | { kind: 'free' } | { kind: 'file' } | { kind: 'one'; values: string[] } | { kind: 'list'; values: string[] };
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Values of the first positional argument, if they are known. */
  args: string[];
}

export interface CompletionSpec {
  bin: string;
  /** Options of the bare program (which runs recommend). */
  root: OptionSpec[];
  commands: CommandSpec[];
}

const HELP: OptionSpec = { names: ['-h', '--help'], description: 'show help', value: { kind: 'none' } };

function optionSpec(opt: Option, catalog: Catalog): OptionSpec {
  const names = [opt.short, opt.long].filter((n): n is string => Boolean(n));
  const q = catalog.questions.find((x) => flagOf(x) === opt.long);
  if (q) {
    return { names, description: q.prompt, value: { kind: q.type === 'multi' ? 'list' : 'one', values: q.choices.map((c) => c.value) } };
  }
  const takesValue = opt.required || opt.optional;
  const value: OptionSpec['value'] = !takesValue
    ? { kind: 'none' }
    : opt.argChoices
      ? { kind: 'one', values: [...opt.argChoices] }
      : FILE_FLAGS.has(opt.long ?? '')
        ? { kind: 'file' }
        : { kind: 'free' };
  return { names, description: opt.description, value };
}

/** The tools --expect takes, and the --catalog files (or the shipped catalogs' names). */
const SPECIAL: Record<string, (catalog: Catalog) => OptionSpec['value']> = {
  '--expect': (catalog) => ({ kind: 'list', values: toolIds(catalog) }),
};

export function completionSpec(program: Command, catalog: Catalog = builtIn, values: Record<string, readonly string[]> = argumentValues(catalog)): CompletionSpec {
  const spec = (o: Option) => {
    const s = optionSpec(o, catalog);
    const special = SPECIAL[o.long ?? ''];
    return special ? { ...s, value: special(catalog) } : s;
  };
  const options = (cmd: Command) => [...cmd.options.filter((o) => !o.hidden).map(spec), HELP];
  const commands: CommandSpec[] = program.commands.map((cmd) => ({
    name: cmd.name(),
    description: cmd.description(),
    options: options(cmd),
    args: [...(values[cmd.name()] ?? [])],
  }));
  commands.push({ name: 'help', description: 'help for a command', options: [], args: commands.map((c) => c.name) });
  return { bin: program.name(), root: options(program), commands };
}

export function parseShell(raw: string | undefined): Shell {
  if (raw === undefined) throw new InputError(`completion: name a shell: ${SHELLS.join(', ')}.`);
  const shell = raw.trim().toLowerCase();
  if ((SHELLS as readonly string[]).includes(shell)) return shell as Shell;
  throw new InputError(`completion: unknown shell "${raw}"; use one of: ${SHELLS.join(', ')}.${didYouMean(shell, SHELLS)}`);
}

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bashScript(spec) : shell === 'zsh' ? zshScript(spec) : fishScript(spec);
}

export async function runCompletion(raw: string | undefined, program: Command, io: Io, opts: { catalog?: string[] } = {}): Promise<void> {
  const shell = parseShell(raw);
  // With --catalog, the organisation's tools complete too (explain, --existing-tools, --expect).
  const catalog = await catalogFromFlag(opts.catalog);
  // Claim ids complete too; the claims load only here and in the sources command.
  const { seedClaims } = await import('../../sources/claims.js');
  io.stdout.write(completionScript(shell, completionSpec(program, catalog, { ...argumentValues(catalog), sources: seedClaims().map((c) => c.id) })));
}

const fnName = (bin: string) => '_' + bin.replace(/[^A-Za-z0-9]/g, '_');
const valueFlags = (opts: OptionSpec[]) => opts.filter((o) => o.value.kind !== 'none').flatMap((o) => o.names);
const allOptions = (spec: CompletionSpec) => {
  const seen = new Map<string, OptionSpec>();
  for (const o of [...spec.root, ...spec.commands.flatMap((c) => c.options)]) seen.set(o.names.join(' '), o);
  return [...seen.values()];
};

function bashScript(spec: CompletionSpec): string {
  const fn = fnName(spec.bin);
  const names = spec.commands.map((c) => c.name);
  const valueCases = allOptions(spec)
    .filter((o) => o.value.kind !== 'none')
    .map((o) => {
      const v = o.value;
      const body =
        v.kind === 'file'
          ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
          : v.kind === 'list'
            ? `${fn}_list '${v.values.join(' ')}'`
            : v.kind === 'one'
              ? `COMPREPLY=($(compgen -W '${v.values.join(' ')}' -- "$cur"))`
              : 'COMPREPLY=()';
      return `    ${o.names.join('|')}) ${body}; return ;;`;
    });
  const optionCases = [
    ...spec.commands.map((c) => `    ${c.name}) opts='${c.options.flatMap((o) => o.names).join(' ')}' ;;`),
    `    *) opts='${spec.root.flatMap((o) => o.names).join(' ')}' ;;`,
  ];
  const argCases = spec.commands.filter((c) => c.args.length).map((c) => `      ${c.name}) COMPREPLY=($(compgen -W '${c.args.join(' ')}' -- "$cur")) ;;`);
  return `# bash completion for ${spec.bin}, generated by \`${spec.bin} completion bash\`.
# Load it now:      source <(${spec.bin} completion bash)
# Or install it:    ${spec.bin} completion bash > ~/.local/share/bash-completion/completions/${spec.bin}

# Completes the last item of a comma-separated list.
${fn}_list() {
  local done='' last="$cur"
  if [[ "$cur" == *,* ]]; then done="\${cur%,*},"; last="\${cur##*,}"; fi
  compopt -o nospace 2>/dev/null
  local value left=''
  for value in $1; do [[ ",$done" == *",$value,"* ]] || left+="$value "; done
  COMPREPLY=($(compgen -W "$left" -P "$done" -S ',' -- "$last"))
  [[ \${#COMPREPLY[@]} -eq 1 ]] && COMPREPLY[0]="\${COMPREPLY[0]%,}" && compopt +o nospace 2>/dev/null
}

${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd='' opts='' i word skip=0
  # --flag=value: bash splits at '=', so the flag is two words back.
  if [[ "$cur" == '=' ]]; then prev="\${COMP_WORDS[COMP_CWORD-1]}"; cur=''
  elif [[ "$prev" == '=' ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      ${valueFlags(allOptions(spec)).join('|')}) skip=1 ;;
      =) ;;
      -*) ;;
      *) cmd="$word"; break ;;
    esac
  done

  case "$prev" in
${valueCases.join('\n')}
  esac

  case "$cmd" in
${optionCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W '${names.join(' ')}' -- "$cur"))
  else
    case "$cmd" in
${argCases.join('\n')}
      *) COMPREPLY=() ;;
    esac
  fi
}

complete -F ${fn} ${spec.bin}
`;
}

/** Text inside a zsh single-quoted optspec: no quotes, brackets or colons to end it early. */
const zshText = (s: string) => s.replace(/'/g, "'\\''").replace(/[[\]]/g, '').replace(/:/g, ' -').replace(/\s+/g, ' ').trim();

function zshOption(o: OptionSpec): string {
  const v = o.value;
  const action =
    v.kind === 'none'
      ? ''
      : v.kind === 'file'
        ? ':file:_files'
        : v.kind === 'free'
          ? ':value: '
          : v.kind === 'list'
            ? `:${o.names.at(-1)!.replace(/^-+/, '')}:_values -s , ${o.names.at(-1)!.replace(/^-+/, '')} ${v.values.join(' ')}`
            : `:value:(${v.values.join(' ')})`;
  const desc = `[${zshText(o.description)}]${action}`;
  if (o.names.length === 1) return `'${o.names[0]}${desc}'`;
  return `'(${o.names.join(' ')})'{${o.names.join(',')}}'${desc}'`;
}

function zshScript(spec: CompletionSpec): string {
  const fn = fnName(spec.bin);
  const commands = spec.commands.map((c) => `    '${c.name}:${zshText(c.description)}'`);
  const cases = spec.commands.map((c) => {
    const specs = [...c.options.map(zshOption), ...(c.args.length ? [`'1:${c.name === 'help' ? 'command' : 'value'}:(${c.args.join(' ')})'`] : [])];
    return `        ${c.name}) _arguments -s \\\n          ${specs.join(' \\\n          ')} ;;`;
  });
  return `#compdef ${spec.bin}
# zsh completion for ${spec.bin}, generated by \`${spec.bin} completion zsh\`.
# Load it now:      source <(${spec.bin} completion zsh)
# Or install it:    ${spec.bin} completion zsh > "\${fpath[1]}/_${spec.bin}"   (then restart zsh)

${fn}() {
  local curcontext="$curcontext" state line ret=1
  local -a commands
  commands=(
${commands.join('\n')}
  )
  _arguments -C -s \\
    ${spec.root.map(zshOption).join(' \\\n    ')} \\
    '1: :->command' \\
    '*:: :->args' && ret=0
  case $state in
    command) _describe -t commands command commands && ret=0 ;;
    args)
      case $words[1] in
${cases.join('\n')}
      esac ;;
  esac
  return ret
}

if [[ "\${funcstack[1]}" == "${fn}" ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.bin}
fi
`;
}

const fishText = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishScript(spec: CompletionSpec): string {
  const bin = spec.bin;
  const fn = fnName(bin).replace(/^_/, '__');
  const names = spec.commands.map((c) => c.name);
  const lines: string[] = [
    `# fish completion for ${bin}, generated by \`${bin} completion fish\`.`,
    `# Load it now:      ${bin} completion fish | source`,
    `# Or install it:    ${bin} completion fish > ~/.config/fish/completions/${bin}.fish`,
    '',
    '# Completes the last item of a comma-separated list.',
    `function ${fn}_list`,
    '    set -l token (string replace -r -- \'^--[^=]*=\' \'\' (commandline -ct))',
    '    set -l done (string split -- , $token)',
    '    set -e done[-1]',
    "    set -l prefix ''",
    '    if test (count $done) -gt 0',
    '        set prefix (string join -- , $done),',
    '    end',
    '    for value in $argv',
    '        contains -- $value $done; or printf "%s\\n" "$prefix$value"',
    '    end',
    'end',
    '',
    `complete -c ${bin} -f`,
  ];
  const optionLine = (o: OptionSpec, condition: string) => {
    const parts = [`complete -c ${bin} -n ${fishText(condition)}`];
    for (const n of o.names) parts.push(n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
    const v = o.value;
    if (v.kind === 'file') parts.push('-r -F');
    else if (v.kind === 'free') parts.push('-x');
    else if (v.kind === 'one') parts.push(`-x -a ${fishText(v.values.join(' '))}`);
    else if (v.kind === 'list') parts.push(`-x -a ${fishText(`(${fn}_list ${v.values.join(' ')})`)}`);
    parts.push(`-d ${fishText(o.description)}`);
    return parts.join(' ');
  };
  for (const c of spec.commands) lines.push(`complete -c ${bin} -n '__fish_use_subcommand' -a ${c.name} -d ${fishText(c.description)}`);
  for (const o of spec.root) lines.push(optionLine(o, `not __fish_seen_subcommand_from ${names.join(' ')}`));
  for (const c of spec.commands) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(optionLine(o, seen));
    if (c.args.length) lines.push(`complete -c ${bin} -n ${fishText(`${seen}; and not __fish_seen_subcommand_from ${c.args.join(' ')}`)} -a ${fishText(c.args.join(' '))}`);
  }
  return lines.join('\n') + '\n';
}
