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
}

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
  theme?: { keybindings: Keybindings };
}

export interface CheckboxConfig<V> {
  message: string;
  choices: readonly PromptChoice<V>[];
  required?: boolean;
  pageSize?: number;
  loop?: boolean;
  theme?: { keybindings: Keybindings; style: { renderSelectedChoices: (selected: ReadonlyArray<{ name: string }>) => string } };
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

export const inquirerKit: PromptKit = { select, checkbox, confirm, input };
