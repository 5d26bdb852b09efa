// Loads the prompt library only when a question is really asked: on a terminal with every answer
// given as flags or in a file, nothing is shown, so nothing is loaded.
import type { InteractivePrompter } from './prompter.js';

export function deferPrompter(load: () => Promise<InteractivePrompter>): InteractivePrompter {
  let loading: Promise<InteractivePrompter> | undefined;
  const get = () => (loading ??= load());
  return {
    ask: async (q, progress) => (await get()).ask(q, progress),
    review: async (answers, origins) => (await get()).review(answers, origins),
    offerSave: async (check) => (await get()).offerSave(check),
    confirmReplace: async (path) => (await get()).confirmReplace(path),
  };
}
