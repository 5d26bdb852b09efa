// The four inquirer prompts the questionnaire uses, behind one small interface so tests can render
// them on a fake screen (@inquirer/testing) or replace them outright. Only these four packages are
// imported, not all of @inquirer/prompts, so the first prompt appears sooner.
import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';

export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  clearPromptOnDone?: boolean;
  signal?: AbortSignal;
}

/** The keys of a prompt's help line, as [key, what it does]. */
export type HelpKeys = [string, string][];

export interface PromptChoice<V> {
  value: V;
  name: string;
  description?: string;
  short?: string;
  checked?: boolean;
}

/** j/k and Ctrl+N/P move too; with vim keys on, letters no longer jump to a choice (see prompter). */
export type Keybindings = ReadonlyArray<'vim' | 'emacs'>;

export interface SelectConfig<V> {
  message: string;
  choices: readonly PromptChoice<V>[];
  default?: V;
  pageSize?: number;
  loop?: boolean;
  theme?: { keybindings: Keybindings; style?: { keysHelpTip?: (keys: HelpKeys) => string } };
  /** ← leaves the prompt, which then rejects with GoBack. */
  back?: boolean;
}

export interface CheckboxConfig<V> {
  message: string;
  choices: readonly PromptChoice<V>[];
  required?: boolean;
  pageSize?: number;
  loop?: boolean;
  theme?: {
    keybindings: Keybindings;
    style: { renderSelectedChoices: (selected: ReadonlyArray<{ name: string }>) => string; keysHelpTip?: (keys: HelpKeys) => string };
  };
  /** ← leaves the prompt, which then rejects with GoBack. */
  back?: boolean;
}

export interface ConfirmConfig {
  message: string;
  default?: boolean;
}

export interface InputConfig {
  message: string;
  default?: string;
  validate?: (value: string) => boolean | string | Promise<boolean | string>;
}

export interface PromptKit {
  select<V>(config: SelectConfig<V>, context?: PromptContext): Promise<V>;
  checkbox<V>(config: CheckboxConfig<V>, context?: PromptContext): Promise<V[]>;
  confirm(config: ConfirmConfig, context?: PromptContext): Promise<boolean>;
  input(config: InputConfig, context?: PromptContext): Promise<string>;
}

/** The user pressed ← to go back to the previous question. */
export class GoBack extends Error {
  constructor() {
    super('back to the previous question');
    this.name = 'GoBack';
  }
}

/**
 * A prompt that ← (the left arrow, which neither a list nor a checkbox uses) leaves: it is
 * cleared from the screen and rejects with GoBack. The key is read from the prompt's own input,
 * so a fake screen's keys work too.
 */
export function backable<C extends { back?: boolean }, R>(prompt: (config: C, context?: PromptContext) => Promise<R>) {
  return (config: C, context: PromptContext = {}): Promise<R> => {
    if (!config.back) return prompt(config, context);
    const input = context.input ?? process.stdin;
    const abort = new AbortController();
    // The prompt reads clearPromptOnDone as it finishes: set just before leaving, it clears only then.
    const ctx: PromptContext = { ...context, signal: abort.signal };
    const onKey = (_: unknown, key?: { name?: string; ctrl?: boolean; meta?: boolean }) => {
      if (key?.name === 'left' && !key.ctrl && !key.meta) {
        ctx.clearPromptOnDone = true;
        abort.abort();
      }
    };
    input.on('keypress', onKey);
    return prompt(config, ctx)
      .catch((e: unknown) => {
        throw abort.signal.aborted ? new GoBack() : e;
      })
      .finally(() => input.off('keypress', onKey));
  };
}

export const inquirerKit: PromptKit = { select: backable(select) as PromptKit['select'], checkbox: backable(checkbox) as PromptKit['checkbox'], confirm, input };
