// An answers file as team members: a plain answers file is one member (named by its `name` key or
// its file name); a team file (`{"members": [{"name": "alice", "answers": {...}}]}`) is several.
import { basename } from 'node:path';
import type { Catalog } from '../catalog/schema.js';
import { InputError } from '../errors.js';
import { readAnswersDocument, YAML_EXPECTED } from '../questionnaire/answers-file.js';
import { answersFromObject } from '../questionnaire/resolve.js';
import { quote } from '../util/quote.js';
import type { Member } from './merge.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function checkName(raw: unknown, where: string): string {
  // eslint-disable-next-line no-control-regex
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 64 || /[\u0000-\u001f\u007f-\u009f]/.test(raw)) {
    throw new InputError(`${where}: "name" must be a member's name, 1 to 64 printable characters, got ${typeof raw === 'string' ? quote(raw) : typeof raw}.`);
  }
  return raw.trim();
}

/** The member a file's name gives when it has no `name` key: `alice.yaml` -> alice. */
export function nameFromPath(path: string): string {
  if (path === '-') return 'stdin';
  const base = basename(path).replace(/\.(json|ya?ml)$/i, '');
  return base === '' ? path : base;
}

export function membersFromDocument(
  doc: unknown,
  where: string,
  path: string,
  catalog: Catalog,
  /** What a YAML file's errors name as expected (they must not speak of JSON). */
  expected?: string,
): { members: Member[]; teamFile: boolean } {
  if (isObject(doc) && 'members' in doc) {
    const extra = Object.keys(doc).filter((k) => k !== 'members');
    if (extra.length) throw new InputError(`${where}: a team file has only "members"; unknown key ${quote(extra[0]!)}.`);
    const list = doc.members;
    if (!Array.isArray(list) || list.length === 0) throw new InputError(`${where}: "members" must be a non-empty list of {"name": ..., "answers": {...}}.`);
    const members = list.map((m, i) => {
      const at = `${where}: members[${i}]`;
      if (!isObject(m)) throw new InputError(`${at}: expected {"name": ..., "answers": {...}}.`);
      const unknown = Object.keys(m).filter((k) => k !== 'name' && k !== 'answers');
      if (unknown.length) throw new InputError(`${at}: unknown key ${quote(unknown[0]!)}; a member has "name" and "answers".`);
      const name = checkName(m.name, at);
      return { name, source: path === '-' ? 'standard input' : path, answers: answersFromObject(m.answers ?? {}, `${at} (${name})`, catalog, expected) };
    });
    return { members, teamFile: true };
  }
  let name = nameFromPath(path);
  let answers = doc;
  if (isObject(doc) && 'name' in doc) {
    name = checkName(doc.name, where);
    const { name: _drop, ...rest } = doc;
    answers = rest;
  }
  return { members: [{ name, source: path === '-' ? 'standard input' : path, answers: answersFromObject(answers, where, catalog, expected) }], teamFile: false };
}

export async function readMembers(
  path: string,
  catalog: Catalog,
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<{ members: Member[]; teamFile: boolean }> {
  const { doc, where, yaml } = await readAnswersDocument(path, stdin);
  return membersFromDocument(doc, where, path, catalog, yaml ? YAML_EXPECTED : undefined);
}
