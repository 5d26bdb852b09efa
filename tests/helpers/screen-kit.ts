// The questionnaire's real inquirer prompts rendered on @inquirer/testing's fake screen, driven by a
// script: each prompt shows a screen, the script checks it and presses keys.
import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';
import { render } from '@inquirer/testing';
import { backable, type PromptKit } from '../../src/questionnaire/prompt-kit.js';

type Rendered = Awaited<ReturnType<typeof render>>;
export type Key = string | { name: string; ctrl?: boolean };

export interface Step {
  /** What the prompt's first screen must show (the fake screen wraps at 80 columns). */
  see: RegExp;
  /** Keys to press: named keys, or text that is typed. */
  keys: Key[];
  /** After the keys, wait for this on the screen, then press `then`. */
  after?: { see: RegExp; keys: Key[] };
}

const NAMED_KEYS = ['enter', 'down', 'up', 'left', 'space', 'backspace', 'tab'];
export const ENTER: Key = 'enter';
export const DOWN: Key = 'down';
export const SPACE: Key = 'space';
export const LEFT: Key = 'left';
export const CTRL_C: Key = { name: 'c', ctrl: true };

async function press(r: Rendered, keys: Key[]): Promise<void> {
  for (const k of keys) {
    if (typeof k === 'string' && !NAMED_KEYS.includes(k)) r.events.type(k);
    else r.events.keypress(k);
    // Let the prompt's async handlers (validation) run before the next key.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function screenShows(r: Rendered, see: RegExp, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!see.test(r.getScreen())) {
    if (Date.now() > until) throw new Error(`expected ${see} on the screen, got:\n${r.getScreen()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A prompt kit that plays `steps` in order, one per prompt, failing on a screen that does not
 * match or a prompt beyond the script. `screens` keeps every prompt's first screen, `last` its
 * last one (the line it leaves once answered, or what it shows when interrupted).
 */
export function scriptedKit(steps: Step[] | ((screen: string) => Key[])) {
  const screens: string[] = [];
  const last: string[] = [];
  let next = 0;
  const wrap =
    (prompt: (config: never, context?: never) => Promise<unknown>) =>
    async (config: unknown): Promise<unknown> => {
      // ← is read from the prompt's own input, as on a terminal (see backable).
      const r = await render(backable(prompt as never) as never, config as never);
      // A key (Ctrl+C) may settle the answer before it is awaited; that is not an unhandled rejection.
      r.answer.catch(() => undefined);
      const screen = r.getScreen();
      screens.push(screen);
      const finish = async () => {
        try {
          return await r.answer;
        } finally {
          last.push(r.getScreen());
        }
      };
      if (typeof steps === 'function') {
        await press(r, steps(screen));
        return finish();
      }
      const step = steps[next++];
      if (!step) throw new Error(`prompt beyond the script (#${next}):\n${screen}`);
      if (!step.see.test(screen)) throw new Error(`prompt #${next}: expected ${step.see}, got:\n${screen}`);
      await press(r, step.keys);
      if (step.after) {
        await screenShows(r, step.after.see);
        await press(r, step.after.keys);
      }
      return finish();
    };
  const kit = { select: wrap(select), checkbox: wrap(checkbox), confirm: wrap(confirm), input: wrap(input) } as unknown as PromptKit;
  return { kit, screens, last, played: () => next };
}
