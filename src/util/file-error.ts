// The one wording for a file that cannot be opened or read, whatever the file is for.
import { InputError } from '../errors.js';

/** What kind of file it is, as the message names it: `{ name: 'answers file', a: 'an answers file' }`. */
export interface FileKind {
  name: string;
  a: string;
}

/** The message for an error of opening or reading `path`; `missing` is added where it does not exist. */
export function unreadable(path: string, e: unknown, kind: FileKind, missing = ''): InputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new InputError(`${path}: no such ${kind.name}${missing}.`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${path}: permission denied; the ${kind.name} must be readable.`);
  if (code === 'EISDIR') return new InputError(`${path}: is a directory, not ${kind.a}.`);
  if (code === 'ENOTDIR') return new InputError(`${path}: a part of the path is not a directory.`);
  if (code === 'ENAMETOOLONG') return new InputError(`${path}: the file name is too long.`);
  return new InputError(`${path}: cannot be read (${code ?? String(e)}).`);
}
