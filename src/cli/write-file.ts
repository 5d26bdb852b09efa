// The files a run writes (--output, --save). Each is checked before anything is written, so a
// mistake that can be foreseen (no such folder, a directory, the run's own answers file) exits 2
// with nothing written anywhere. Then it is written whole or not at all: a temp file created
// exclusively in the target's folder, fsync'd and renamed over the target, so a reader sees the
// old file or the new one, never a fragment; the temp file goes on every failure and on a signal.
// An existing FIFO or device (`-o /dev/stdout`, a named pipe) is written in place, as `>` would.
import * as nodeFs from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, WriteError } from '../errors.js';
import { onInterrupt } from './signals.js';

export interface WritePlan {
  /** As the user typed it, for messages. */
  path: string;
  /** The file really written: the path, or where its symbolic links lead (the links stay). */
  target: string;
  /** Tells two paths of one run apart: device and inode, or the real path of a file to come. */
  id: string;
  exists: boolean;
  /** An existing FIFO or device: written in place. */
  inPlace: boolean;
  /** The permissions of the file replaced, kept. */
  mode?: number;
}

/** The calls a write makes, so tests can make one of them fail (a full disk, an I/O error). */
export type WriteFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'closeSync' | 'renameSync' | 'unlinkSync'>;

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** Where `path` would be written and whether it can be; an InputError (exit 2) if it cannot. */
export function planWrite(path: string, flag: string): WritePlan {
  if (path === '') throw new InputError(`${flag}: needs a file name${flag === '--output' ? ', or - for standard output' : ''}.`);
  const fail = (why: string) => new InputError(`${flag} ${path}: ${why}`);
  const pathProblem = (e: unknown) => {
    const code = errno(e);
    if (code === 'ENOTDIR') return fail('a part of the path is not a folder.');
    if (code === 'ENAMETOOLONG') return fail('the file name is too long.');
    if (code === 'ELOOP') return fail('too many levels of symbolic links.');
    if (code === 'EACCES' || code === 'EPERM') return fail('permission denied (a folder on the path cannot be searched).');
    return fail(`cannot be written (${code ?? String(e)}).`);
  };
  let info: Stats | undefined;
  let target = path;
  try {
    info = nodeFs.lstatSync(path);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw pathProblem(e);
  }
  if (info?.isSymbolicLink()) {
    try {
      info = nodeFs.statSync(path);
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw pathProblem(e);
      throw fail(`a symbolic link to ${nodeFs.readlinkSync(path)}, which does not exist; create it or remove the link.`);
    }
    // A file is replaced where the link leads; a pipe behind /dev/stdout has no path, and is written through the link.
    if (info.isFile()) target = nodeFs.realpathSync(path);
  }
  if (info?.isDirectory()) throw fail('is a directory; name a file in it.');
  // What spawns a program with socket pairs for its output (as Node does): no path opens those.
  if (info?.isSocket()) throw fail(`is a socket and cannot be opened by name${flag === '--output' ? '; use -o - for standard output' : ''}.`);
  if (info && !info.isFile()) {
    try {
      nodeFs.accessSync(target, nodeFs.constants.W_OK);
    } catch {
      throw fail('permission denied.');
    }
    return { path, target, id: `${info.dev}:${info.ino}`, exists: true, inPlace: true };
  }
  const folder = dirname(target);
  let dir: Stats;
  try {
    dir = nodeFs.statSync(folder);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw fail(`no such folder: ${folder}`);
    throw pathProblem(e);
  }
  if (!dir.isDirectory()) throw fail('a part of the path is not a folder.');
  try {
    nodeFs.accessSync(folder, nodeFs.constants.W_OK);
  } catch (e) {
    throw fail(errno(e) === 'EROFS' ? 'the folder is on a read-only file system.' : `permission denied: cannot create files in ${folder}`);
  }
  if (info) {
    try {
      nodeFs.accessSync(target, nodeFs.constants.W_OK);
    } catch {
      throw fail('the file is read-only; not replaced.');
    }
    // In a shared folder (/tmp), another user's file is theirs: never replaced.
    if (dir.mode & 0o1000 && info.uid !== process.getuid?.()) throw fail("belongs to another user in a shared folder; not replaced.");
    return { path, target, id: `${info.dev}:${info.ino}`, exists: true, inPlace: false, mode: info.mode & 0o7777 };
  }
  return { path, target, id: join(nodeFs.realpathSync(folder), basename(target)), exists: false, inPlace: false };
}

/** The identity of an input of the run (`-` is standard input), to keep writes off it. */
export function inputId(path: string): string | undefined {
  try {
    const info = path === '-' ? nodeFs.fstatSync(0) : nodeFs.statSync(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses a run that would write over one of its own inputs, or write one file twice. */
export function checkDistinct(plans: readonly { flag: string; plan: WritePlan }[], inputs: readonly string[]): void {
  for (const [i, { flag, plan }] of plans.entries()) {
    for (const input of inputs) {
      if (inputId(input) === plan.id) {
        throw new InputError(`${flag} ${plan.path}: is the answers file of this run (--answers ${input}); write to another file.`);
      }
    }
    const other = plans.slice(0, i).find((p) => p.plan.id === plan.id);
    if (other) throw new InputError(`${flag} ${plan.path}: is also the ${other.flag} file of this run; give them different files.`);
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EFBIG: 'file too large',
  EPIPE: 'the reader went away',
  ENOENT: 'its folder is gone',
};

function writeError(plan: WritePlan, e: unknown): WriteError {
  const code = errno(e);
  const why = (code && REASONS[code]) ?? code ?? String(e);
  const kept = plan.exists && !plan.inPlace ? '; the previous file is unchanged' : '';
  return new WriteError(`${plan.path}: not written (${why})${kept}.`);
}

function writeAll(fs: WriteFs, fd: number, bytes: Buffer): void {
  for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
}

/** Writes `text` as planned; a failure is a WriteError (exit 1) and leaves no trace. */
export async function writePlanned(plan: WritePlan, text: string, fs: WriteFs = nodeFs): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  if (plan.inPlace) {
    // Opening a FIFO waits for a reader; no cleanup is pending, so a signal ends the wait.
    let fd: number | undefined;
    try {
      fd = fs.openSync(plan.target, 'w');
      writeAll(fs, fd, bytes);
    } catch (e) {
      throw writeError(plan, e);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
    return;
  }
  const folder = dirname(plan.target);
  let temp = '';
  let fd: number | undefined;
  for (let attempt = 0; fd === undefined; attempt++) {
    temp = join(folder, `.${basename(plan.target).slice(0, 100)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
    try {
      fd = fs.openSync(temp, 'wx', plan.mode ?? 0o666);
    } catch (e) {
      if (errno(e) !== 'EEXIST' || attempt >= 10) throw writeError(plan, e);
    }
  }
  let open = true;
  const discard = () => {
    if (open) fs.closeSync(fd);
    open = false;
    fs.unlinkSync(temp);
  };
  // A signal waits for the synchronous steps below, then finds the temp file gone or removes it.
  const release = onInterrupt(discard);
  try {
    if (plan.mode !== undefined) fs.fchmodSync(fd, plan.mode);
    writeAll(fs, fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    fs.renameSync(temp, plan.target);
  } catch (e) {
    try {
      discard();
    } catch {
      // already gone
    }
    throw writeError(plan, e);
  } finally {
    await release();
  }
}
