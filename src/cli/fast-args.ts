// The everyday line, `recommend` and its flags (`--json`, answers, `--answers FILE`, ...), read
// without building commander's program: building and running it is about a fifth of what the
// CLI adds to Node's own start-up. Only what is certainly read the way commander reads it is
// taken here; anything else (help, a `--` or a positional, an unknown or odd-looking flag, a
// value that starts with a dash, a format that is not one of the choices) returns undefined and
// the line goes to commander, which also owns every usage message. A test runs both readers on
// random lines and holds them to the same result.
import { catalog } from '../catalog/catalog.js';
import type { Question } from '../catalog/schema.js';
import { flagOf } from '../questionnaire/questions.js';
import { parseValue } from '../questionnaire/resolve.js';
import type { RecommendFlags } from './commands/recommend.js';
import { FORMATS } from './formats.js';

/** The flags of `recommend` that take a value and are not answers, by the option they set. */
const VALUE_FLAGS: Record<string, 'answers' | 'format' | 'save' | 'expect' | 'output'> = {
  '--answers': 'answers',
  '--format': 'format',
  '--save': 'save',
  '--expect': 'expect',
  '--output': 'output',
  '-o': 'output',
};

let answerFlags: Map<string, Question> | undefined;

/**
 * The options commander would give `recommend` for `tokens` (the words after `recommend`), or
 * undefined when the line is not of the simple kind read here. An answer outside its choices
 * throws the same InputError that commander's parser for that flag throws.
 */
export function readRecommendLine(tokens: readonly string[]): RecommendFlags | undefined {
  answerFlags ??= new Map(catalog.questions.map((q) => [flagOf(q), q]));
  const opts: RecommendFlags = { interactive: true };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '--json') {
      opts.json = true;
      continue;
    }
    if (token === '--no-interactive') {
      opts.interactive = false;
      continue;
    }
    let name = token;
    let value: string | undefined;
    const eq = token.indexOf('=');
    if (token.startsWith('--') && eq > 2) {
      name = token.slice(0, eq);
      value = token.slice(eq + 1);
      // Commander's parsers refuse an option where a value belongs: left to them.
      if (value === '' || value.startsWith('--')) return undefined;
    } else {
      value = tokens[i + 1];
      // Commander takes the next word whatever it is; a word that looks like a flag is left to it.
      if (value === undefined || (value.startsWith('-') && value !== '-')) return undefined;
      i++;
    }
    const question = answerFlags.get(name);
    if (question) {
      opts[question.id] = parseValue(question, value, name);
      continue;
    }
    const key = VALUE_FLAGS[name];
    if (key === undefined) return undefined;
    // A repeated --answers is a team, which commander collects into a list.
    if (key === 'answers' && opts.answers !== undefined) return undefined;
    if (key === 'format') {
      const format = FORMATS.find((f) => f === value);
      if (format === undefined) return undefined;
      opts.format = format;
    } else opts[key] = value;
  }
  return opts;
}
