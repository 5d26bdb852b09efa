import type { Question } from './schema.js';

/** `teamSize` -> `team-size`: the contract's flag is `--` + the id in kebab case. */
export const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
export const flagOf = (q: Pick<Question, 'id'>) => `--${kebab(q.id)}`;
