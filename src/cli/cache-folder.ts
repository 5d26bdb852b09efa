// Where the CLI keeps Node's compile cache, if anywhere. Compiled code read from a file runs as
// the user, so the rule is: the folder is this user's own, and nobody else can put anything
// there or swap it for another. On any doubt there is no cache (it only saves compile time).
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';

const NAME = 'mlflow-advisor';

/**
 * `$XDG_CACHE_HOME/mlflow-advisor`, else `~/.cache/mlflow-advisor` (relative values are ignored,
 * as the XDG specification asks), made with mode 0700 when missing; or undefined when there
 * should be no cache:
 * - NODE_COMPILE_CACHE or NODE_DISABLE_COMPILE_CACHE is set: Node does as the user asked, alone;
 * - no owner to check (Windows), or no absolute HOME or XDG_CACHE_HOME;
 * - the cache home or the folder is not a directory of this user's that only they can write, or a
 *   folder above them could let someone else rename them (see `safeChain`).
 * Nothing is ever deleted or written here except the two folders; Node writes the entries.
 */
export function cacheFolder(env: NodeJS.ProcessEnv, uid: number | undefined = process.getuid?.()): string | undefined {
  if (env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  if (uid === undefined) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  const home = env.HOME;
  const wanted = xdg && isAbsolute(xdg) ? xdg : home && isAbsolute(home) ? join(home, '.cache') : undefined;
  if (wanted === undefined) return undefined;
  try {
    // The cache home, made (one level only) where a folder of the user's can hold it.
    let base = real(wanted);
    if (base === undefined) {
      const parent = real(dirname(wanted));
      if (parent === undefined || !safeChain(parent, uid)) return undefined;
      base = join(parent, basename(wanted));
      made(base);
    }
    if (!safeChain(base, uid)) return undefined;
    const dir = join(base, NAME);
    made(dir);
    return ownDir(dir, uid) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The path with every symbolic link resolved, or undefined when it does not exist. */
function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** mkdir with mode 0700; a folder that is there already is fine (it is checked next). */
function made(path: string): void {
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** A directory itself (not a link to one), owned by `uid`, that nobody else may write to. */
function ownDir(path: string, uid: number): boolean {
  const s = lstatSync(path);
  return s.isDirectory() && s.uid === uid && (s.mode & 0o022) === 0;
}

/**
 * `dir` (a real path) is the user's own, and no folder above it lets anyone else rename it: each
 * is owned by the user or by root, and writable by no one else unless it is sticky (as /tmp is,
 * where only an entry's owner may rename it).
 */
function safeChain(dir: string, uid: number): boolean {
  if (!ownDir(dir, uid)) return false;
  for (let p = dirname(dir); ; p = dirname(p)) {
    const s = lstatSync(p);
    if (!s.isDirectory() || (s.uid !== uid && s.uid !== 0)) return false;
    if ((s.mode & 0o022) !== 0 && (s.mode & 0o1000) === 0) return false;
    if (dirname(p) === p) return true;
  }
}
