// YAML answers files. Parsed with the YAML 1.2 core schema (so `no` and `on` stay strings),
// unique keys, no merge keys and a low alias limit; the result goes through the same checks
// as JSON answers (answersFromObject), which also refuses `__proto__` keys.
import { parse } from 'yaml';
import { InputError } from '../errors.js';

export function parseYamlAnswers(text: string, where: string): unknown {
  try {
    return parse(text, { schema: 'core', uniqueKeys: true, merge: false, maxAliasCount: 10, prettyErrors: true });
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/:$/, '');
    throw new InputError(`${where}: not valid YAML (${first}).`);
  }
}
