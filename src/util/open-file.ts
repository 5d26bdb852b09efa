// Opening a small file the user names (an answers or a catalog file): the checks made on the open
// file, and the one wording for a file that cannot be opened or read.
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
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

/**
 * Opens `path` to read and checks, on the open file (so the file read is the one measured), that
 * it is no directory and no larger than `limit` bytes (a whole number of MiB). Non-blocking: a
 * FIFO without a writer or a terminal must not hold the process. Synchronous calls that return at
 * once: the asynchronous ones would start libuv's thread pool, which costs a run more memory than
 * the whole file. The caller closes the descriptor.
 */
export function openToRead(path: string, kind: FileKind, limit: number, missing = ''): { fd: number; info: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw unreadable(path, e, kind, missing);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError(`${path}: is a directory, not ${kind.a}.`);
    if (info.size > limit) throw new InputError(`${path}: ${info.size} bytes is too large for ${kind.a} (limit ${limit} bytes, ${limit / 1048576} MiB); not read.`);
    return { fd, info };
  } catch (e) {
    closeSync(fd);
    throw e instanceof InputError ? e : unreadable(path, e, kind, missing);
  }
}
