// Where the questionnaire offers to save the answers, and whether a typed path can take them:
// checked while the user types, so a bad path is asked again instead of failing after the result.
import { dirname, resolve } from 'node:path';

export const DEFAULT_SAVE_PATH = 'mlflow-advisor-answers.json';

/** `~/team.json` -> `/home/me/team.json` (no shell expands a prompt's input); other paths as typed. */
export function expandHome(path: string, home: string = process.getBuiltinModule('node:os').homedir()): string {
  const p = path.trim();
  if (p === '~') return home;
  return p.startsWith('~/') ? home + p.slice(1) : p;
}

async function kind(path: string): Promise<'file' | 'dir' | 'other' | 'missing'> {
  try {
    const s = await process.getBuiltinModule('node:fs/promises').stat(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** true when the path can be written, else a short reason to show under the prompt. */
export async function checkSavePath(path: string): Promise<true | string> {
  const p = expandHome(path);
  if (p === '') return 'Type a file name, e.g. ' + DEFAULT_SAVE_PATH;
  const self = await kind(p);
  if (self === 'dir') return `${p} is a directory; name a file in it, e.g. ${p.replace(/\/+$/, '')}/${DEFAULT_SAVE_PATH}`;
  if (self === 'other') return `${p} is not a regular file`;
  const parent = dirname(resolve(p));
  if ((await kind(parent)) !== 'dir') return `No such directory: ${dirname(p)}`;
  return true;
}

/** Whether the path names an existing file, so the user is asked before it is replaced. */
export async function exists(path: string): Promise<boolean> {
  return (await kind(expandHome(path))) !== 'missing';
}
