// `recommend --member NAME --save TEAMFILE`: one person's answers added to a team file, so a team
// can collect its members' answers one run at a time (their own questionnaires, their own pace).
import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { InputError } from '../errors.js';
import { MAX_ANSWERS_BYTES } from '../questionnaire/answers-file.js';
import { checkName, membersFromDocument } from './members-file.js';

/** The team file's new text: the existing members (checked as --answers would), with this one added or replaced. */
export async function addMember(path: string, name: string, answers: Partial<Answers>, catalog: Catalog): Promise<string> {
  name = checkName(name, '--member');
  let members: { name: string; answers: Partial<Answers> }[] = [];
  let text: string | undefined;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_ANSWERS_BYTES) throw new InputError(`${path}: too large for a team file (limit 1 MiB); not changed.`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(`${path}: cannot read the team file (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  if (text !== undefined && text.trim() !== '') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new InputError(`${path}: not a JSON team file; --member adds to a file like {"members": [...]} (or a new file).`);
    }
    const read = membersFromDocument(doc, path, path, catalog);
    if (!read.teamFile) throw new InputError(`${path}: holds one person's answers, not a team; --member adds to a team file like {"members": [...]} (or a new file).`);
    members = read.members.map((m) => ({ name: m.name, answers: m.answers }));
  }
  const entry = { name, answers: { ...answers } };
  const at = members.findIndex((m) => m.name === name);
  if (at >= 0) members[at] = entry;
  else members.push(entry);
  return JSON.stringify({ members }, null, 2) + '\n';
}
