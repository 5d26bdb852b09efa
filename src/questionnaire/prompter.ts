// The one prompt adapter: the questions of data/questions.json rendered with inquirer on standard
// error, so standard output stays clean for the result. Loaded only when a prompt will really be
// shown. Every prompt pre-selects its current answer, so Enter accepts it.
import type { Catalog, Question } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { Chalk } from 'chalk';
import { colourLevel } from '../render/style.js';
import { GoBack, inquirerKit, type HelpKeys, type PromptContext, type PromptKit } from './prompt-kit.js';
import { BACK } from './back.js';
import type { AnswerOrigin, AnswerValue, Prompter } from './resolve.js';
import { reviewAnswers, type ReviewLine, type Reviewed } from './review.js';
import { escapeControls } from '../util/quote.js';
import { checkSavePath, DEFAULT_SAVE_PATH, exists, expandHome } from './save-path.js';

export interface InteractivePrompter extends Prompter {
  review(answers: Answers, origins: Record<string, AnswerOrigin>): Promise<Reviewed>;
  /**
   * After the result: asks whether to save the answers; resolves to the path, or undefined.
   * `check` refuses more paths than a missing folder does (the files of the same run).
   */
  offerSave(check?: (path: string) => string | undefined): Promise<string | undefined>;
  /** Whether to replace an existing file (`--save FILE` on a terminal, without --force). */
  confirmReplace(path: string): Promise<boolean>;
}

export interface PrompterOptions {
  /** The prompts; tests pass ones rendered on a fake screen. */
  kit?: PromptKit;
  output?: NodeJS.WritableStream;
  columns?: number;
  rows?: number;
}

const ORIGIN_TAG: Record<AnswerOrigin, string> = { flag: ' (flag)', file: ' (answers file)', default: ' (default)', prompt: '' };

// Type-to-jump in a select also reacts to Ctrl+C, moving the cursor to the first choice just as the
// prompt quits, so the screen seems to show an answer; vim keys turn that off (j/k move instead).
const KEYBINDINGS = ['vim', 'emacs'] as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Cuts a review line to the terminal's width. */
const fitWidth = (s: string, width: number) => (s.length <= width ? s : s.slice(0, Math.max(1, width - 1)) + '…');

export function createPrompter(catalog: Catalog, io: { stdin: NodeJS.ReadableStream }, options: PrompterOptions = {}): InteractivePrompter {
  const kit = options.kit ?? inquirerKit;
  const output = options.output ?? process.stderr;
  const columns = options.columns ?? (process.stderr.columns || 80);
  const rows = options.rows ?? (process.stderr.rows || 24);
  const context: PromptContext = { input: io.stdin, output, clearPromptOnDone: false };
  // Show a whole list when the terminal is tall enough; leave room for the message and help lines.
  const pageSize = (n: number) => Math.max(3, Math.min(n, rows - 9));

  // The help line as inquirer draws it, with ← for going back where there is a question to go back to.
  const c = new Chalk({ level: colourLevel(process.env, true) });
  const tip = (keys: HelpKeys) => keys.map(([key, action]) => `${c.bold(key)} ${c.dim(action)}`).join(c.dim(' • '));
  const withBack = (keys: HelpKeys): HelpKeys => [...keys.slice(0, -1), ['←', 'back'], keys.at(-1)!];

  /** Below the list: what the highlighted choice means, what the question is for, and why a number was passed over. */
  const describe = (q: Question, choiceHelp: string | undefined, note: string) => [choiceHelp, c.dim(q.help), note].filter(Boolean).join('\n');
  const isDefault = (q: Question, value: string) => (Array.isArray(q.default) ? q.default.includes(value) : q.default === value);
  const named = (q: Question, value: string, label: string) => (isDefault(q, value) ? `${label} ${c.dim('(default)')}` : label);

  function askQuestion(q: Question, current: AnswerValue, message: string, options: { back?: boolean; note?: string } = {}): Promise<AnswerValue> {
    const note = options.note ?? '';
    const style = options.back ? { keysHelpTip: (keys: HelpKeys) => tip(withBack(keys)) } : {};
    if (q.type === 'multi') {
      const have = new Set(Array.isArray(current) ? current : [current]);
      const help = (h: string | undefined) => describe(q, h, q.allowEmpty ? `None is a fine answer.${note ? `\n${note}` : ''}` : note);
      return kit.checkbox(
        {
          message,
          choices: q.choices.map((ch) => ({ value: ch.value, name: named(q, ch.value, ch.label), short: ch.label, description: help(ch.help), checked: have.has(ch.value) })),
          required: !q.allowEmpty,
          pageSize: pageSize(q.choices.length),
          loop: false,
          back: options.back,
          theme: {
            keybindings: KEYBINDINGS,
            style: { renderSelectedChoices: (s) => (s.length === 0 ? 'none' : s.map((x) => (x as { short?: string }).short ?? x.name).join(', ')), ...style },
          },
        },
        context,
      );
    }
    return kit.select(
      {
        message,
        choices: q.choices.map((ch) => ({ value: ch.value, name: named(q, ch.value, ch.label), short: ch.label, description: describe(q, ch.help, note) })),
        default: typeof current === 'string' ? current : q.default,
        pageSize: pageSize(q.choices.length),
        loop: false,
        back: options.back,
        theme: { keybindings: KEYBINDINGS, style },
      },
      context,
    );
  }

  async function pick(lines: ReviewLine[]): Promise<string | undefined> {
    const width = Math.max(...lines.map((l) => l.label.length));
    const choices = [
      { value: '', name: 'Looks right: show the recommendation', short: 'accepted', description: 'Score the four tools with these answers.' },
      ...lines.map((l) => {
        const q = catalog.questions.find((x) => x.id === l.id);
        return {
          value: l.id,
          name: fitWidth(`${l.label.padEnd(width)}  ${l.value}${ORIGIN_TAG[l.origin]}`, columns - 4),
          short: `change ${l.label.toLowerCase()}`,
          description: `Enter to change: ${q?.prompt ?? l.label}`,
        };
      }),
    ];
    const id = await kit.select(
      {
        message: 'Review your answers (Enter accepts; pick one to change it)',
        choices,
        default: '',
        pageSize: pageSize(choices.length),
        loop: false,
        theme: { keybindings: KEYBINDINGS },
      },
      context,
    );
    return id === '' ? undefined : id;
  }

  return {
    async ask(q, { index, total, current, canGoBack, skipped }) {
      const note = skipped.length
        ? `Skipped ${skipped.map((x) => capitalise(x.label)).join(', ')}: it does not apply to your answers so far.`
        : '';
      try {
        return await askQuestion(q, current, `(${index}/${total}) ${q.prompt}`, { back: canGoBack, note });
      } catch (e) {
        if (e instanceof GoBack) return BACK;
        throw e;
      }
    },

    review(answers, origins) {
      return reviewAnswers(catalog, answers, origins, {
        pick,
        ask: (q, current, reason) => askQuestion(q, current, `${reason === 'change' ? 'Change' : 'And'}: ${q.prompt}`),
      });
    },

    async offerSave(check) {
      const save = await kit.confirm({ message: 'Save these answers to a file that --answers can replay?', default: false }, context);
      if (!save) return undefined;
      const validate = async (typed: string) => {
        const found = await checkSavePath(typed);
        return found === true ? (check?.(expandHome(typed)) ?? true) : found;
      };
      for (;;) {
        const typed = await kit.input({ message: 'Save the answers to:', default: DEFAULT_SAVE_PATH, validate }, context);
        const path = expandHome(typed);
        if (!(await exists(path))) return path;
        if (await kit.confirm({ message: `${path} exists. Replace it?`, default: false }, context)) return path;
      }
    },

    confirmReplace(path) {
      return kit.confirm({ message: `${escapeControls(path)} exists. Replace it?`, default: false }, context);
    },
  };
}
