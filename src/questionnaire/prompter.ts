// The one prompt adapter: the questions of data/questions.json rendered with inquirer on standard
// error, so standard output stays clean for the result. Loaded only when a prompt will really be
// shown. Every prompt pre-selects its current answer, so Enter accepts it.
import type { Catalog, Question } from '../catalog/schema.js';
import type { Io } from '../cli/io.js';
import type { Answers } from '../engine/types.js';
import { inquirerKit, type PromptContext, type PromptKit } from './prompt-kit.js';
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

/** Cuts a review line to the terminal's width. */
const fitWidth = (s: string, width: number) => (s.length <= width ? s : s.slice(0, Math.max(1, width - 1)) + '…');

export function createPrompter(catalog: Catalog, io: Pick<Io, 'stdin'>, options: PrompterOptions = {}): InteractivePrompter {
  const kit = options.kit ?? inquirerKit;
  const output = options.output ?? process.stderr;
  const columns = options.columns ?? (process.stderr.columns || 80);
  const rows = options.rows ?? (process.stderr.rows || 24);
  const context: PromptContext = { input: io.stdin, output, clearPromptOnDone: false };
  // Show a whole list when the terminal is tall enough; leave room for the message and help lines.
  const pageSize = (n: number) => Math.max(3, Math.min(n, rows - 6));

  function askQuestion(q: Question, current: AnswerValue, message: string): Promise<AnswerValue> {
    if (q.type === 'multi') {
      const have = new Set(Array.isArray(current) ? current : [current]);
      const description = q.allowEmpty ? `${q.help} None is a fine answer.` : q.help;
      return kit.checkbox(
        {
          message,
          choices: q.choices.map((c) => ({ value: c.value, name: c.label, description, checked: have.has(c.value) })),
          required: !q.allowEmpty,
          pageSize: pageSize(q.choices.length),
          loop: false,
          theme: { keybindings: KEYBINDINGS, style: { renderSelectedChoices: (s) => (s.length === 0 ? 'none' : s.map((c) => c.name).join(', ')) } },
        },
        context,
      );
    }
    return kit.select(
      {
        message,
        choices: q.choices.map((c) => ({ value: c.value, name: c.label, description: q.help })),
        default: typeof current === 'string' ? current : q.default,
        pageSize: pageSize(q.choices.length),
        loop: false,
        theme: { keybindings: KEYBINDINGS },
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
    ask(q, { index, total, current }) {
      return askQuestion(q, current, `(${index}/${total}) ${q.prompt}`);
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
