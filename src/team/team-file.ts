// `recommend --member NAME --save TEAMFILE`: one person's answers added to a team file, so a team
// can collect its members' answers one run at a time (their own questionnaires, their own pace).
import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { InputError } from '../errors.js';
import { readAnswersDocument } from '../questionnaire/answers-file.js';
import { answersText } from '../questionnaire/answers-out.js';
import { checkName, membersFromDocument } from './members-file.js';

/** The team file's new text: the existing members (checked as --answers would), with this one added or replaced. */
export async function addMember(path: string, name: string, answers: Partial<Answers>, catalog: Catalog): Promise<string> {
  name = checkName(name, '--member');
  let members: { name: string; answers: Partial<Answers> }[] = [];
  // An existing team file is read as --answers reads it (size, encoding, JSON or YAML, repeated keys).
  if (existsSync(path)) {
    const { doc, where } = await readAnswersDocument(path);
    const read = membersFromDocument(doc, where, path, catalog);
    if (!read.teamFile) throw new InputError(`${path}: holds one person's answers, not a team; --member adds to a team file like {"members": [...]} (or a new file).`);
    members = read.members.map((m) => ({ name: m.name, answers: m.answers }));
  }
  const entry = { name, answers: { ...answers } };
  const at = members.findIndex((m) => m.name === name);
  if (at >= 0) members[at] = entry;
  else members.push(entry);
  return answersText(path, { members });
}
