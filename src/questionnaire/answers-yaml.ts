// YAML answers files. Parsed with the YAML 1.2 core schema (so `no` and `on` stay strings), no
// merge keys and a low alias limit; the result goes through the same checks as JSON answers
// (answersFromObject), which also refuses `__proto__` keys. The library's own duplicate-key check
// compares every key of a mapping with every other (a 1 MiB file took minutes), and misses a key
// made by an alias: keys are checked here instead, in one pass with a set per mapping. A tag the
// core schema does not know (`!!binary`, `!custom`) is refused rather than read as a string.
import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { InputError } from '../errors.js';
import { quote } from '../util/quote.js';

/**
 * The most line breaks and YAML separators (`,` `[` `{` `-` `?` `:`) an answers file may hold. Each
 * starts at most a few nodes, so this bounds the parser's work whatever the file's shape: a YAML
 * parser does far more per node than JSON.parse (1 MiB of keys took seconds), and answers need a
 * few dozen lines.
 */
export const MAX_YAML_MARKS = 10_000;

/** Counts up to the limit and stops: one pass over at most the whole text. */
function tooManyMarks(text: string): boolean {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , - : ? [ {
    if ((c === 0x0a || c === 0x2c || c === 0x2d || c === 0x3a || c === 0x3f || c === 0x5b || c === 0x7b) && ++marks > MAX_YAML_MARKS) return true;
  }
  return false;
}

export function parseYamlAnswers(text: string, where: string): unknown {
  if (tooManyMarks(text)) {
    throw new InputError(`${where}: too large for YAML answers (more than ${MAX_YAML_MARKS} lines, list items and separators); answers need a few dozen lines.`);
  }
  const lines = new LineCounter();
  const at = (offset: number | undefined) => {
    if (offset === undefined) return '';
    const { line, col } = lines.linePos(offset);
    return ` at line ${line}, column ${col}`;
  };
  const invalid = (what: string) => new InputError(`${where}: not valid YAML (${what}).`);
  try {
    const doc = parseDocument(text, { schema: 'core', resolveKnownTags: false, uniqueKeys: false, merge: false, prettyErrors: false, lineCounter: lines });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      const what =
        problem.code === 'MULTIPLE_DOCS'
          ? 'more than one document; an answers file is one mapping'
          : /call stack/i.test(problem.message)
            ? 'nested too deeply'
            : problem.message.split('\n')[0]!.replace(/[.:]$/, '');
      throw invalid(`${what}${at(problem.pos[0])}`);
    }
    // Every mapping once, each key once, without recursion (a deeply nested file is no stack overflow).
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!isCollection(node)) continue;
      const seen = isMap(node) ? new Set<string>() : undefined;
      for (const item of node.items) {
        if (!isPair(item)) {
          stack.push(item);
          continue;
        }
        if (seen) {
          const keyNode = item.key as Node | null;
          const key = isAlias(keyNode) ? keyNode.resolve(doc) : keyNode;
          if (key !== null && key !== undefined && !isScalar(key)) throw invalid(`a key that is a list or a mapping${at(keyNode?.range?.[0])}`);
          const name = key === null || key === undefined || key.value === null ? '' : String(key.value);
          if (seen.has(name)) {
            throw new InputError(`${where}: the key ${quote(name)} appears twice${at(keyNode?.range?.[0])}; give each answer once.`);
          }
          seen.add(name);
        }
        stack.push(item.value);
      }
    }
    return doc.toJS({ maxAliasCount: 10 });
  } catch (e) {
    if (e instanceof InputError) throw e;
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/[.:]$/, '');
    throw invalid(e instanceof RangeError || /call stack/i.test(first) ? 'nested too deeply' : first);
  }
}
