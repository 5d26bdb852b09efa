// Runs the CLI's code through V8's code cache. Compiling the bundle and each function it calls
// costs a run about a tenth of Node's own start-up; with the cache V8 reads the compiled code
// back instead. Node 22 offers the same as module.enableCompileCache(); this works on Node 20.
//
// The cache lives outside the package (a user's npx cache or node_modules may be read-only), in
// NODE_COMPILE_CACHE if set, else in the system's temporary directory, as Node's own does; and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's. It is an optimisation only: a
// missing, stale, foreign or unwritable cache never changes what a run prints or returns. V8
// checks each cache against the source and its own version and flags, and rejects a mismatch.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The CommonJS wrapper, as Node's loader would give the bundle. */
type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

/** Caches of more than this are not ours (the CLI's is a few hundred kilobytes). */
const MAX_CACHE_BYTES = 8 * 1024 * 1024;
/** Other builds' caches (an upgrade leaves the old ones behind) go once unchanged this long. */
const STALE_MS = 7 * 24 * 3600 * 1000;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return env.NODE_COMPILE_CACHE;
  const tmp = process.platform === 'win32' ? require('node:os').tmpdir() : (env.TMPDIR || env.TMP || env.TEMP || '/tmp').replace(/(.)\/+$/, '$1');
  // One directory per user: another user's file is neither read nor overwritten.
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmp, `mlflow-advisor-compile-cache-${uid}`);
}

/**
 * Node options change V8's flags, which V8 checks a cache against: runs with and without them keep
 * caches of their own instead of replacing each other's at every run.
 */
function flavour(): string {
  const options = `${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`;
  if (options === '\0') return '';
  let h = 5381;
  for (let i = 0; i < options.length; i++) h = (Math.imul(h, 33) ^ options.charCodeAt(i)) >>> 0;
  return `-${h.toString(16).padStart(8, '0')}`;
}

/**
 * Whether a cache directory is safe to use. Compiled code read from a file runs as this user, so
 * the directory must be this user's and writable by nobody else; a name in a shared temporary
 * directory could otherwise be taken first by another user. A directory not made yet is fine:
 * it is made with mode 0700, and checked again by the next run. (Windows has no owner to check.)
 */
function trusted(dir: string): boolean {
  if (typeof process.getuid !== 'function') return true;
  try {
    const info = statSync(dir);
    return info.isDirectory() && info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const info = fstatSync(fd);
    if (!info.isFile() || info.size === 0 || info.size > MAX_CACHE_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(info.size);
    let off = 0;
    while (off < buffer.length) {
      const n = readSync(fd, buffer, off, buffer.length - off, off);
      if (n === 0) return undefined;
      off += n;
    }
    return buffer;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCache(dir: string, file: string, data: Buffer, build: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written whole, then renamed: a concurrent run reads the old file or the new one.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (name.startsWith(build)) continue;
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    }
  } catch {
    // read-only or full: the next run compiles again, as it would without a cache
  }
}

/** Where this process's caches go (the bundle's and its lazy parts'), worked out once. */
let place: { dir: string | undefined; suffix: string } | undefined;

function where(): { dir: string | undefined; suffix: string } {
  const wanted = cacheDir();
  return { dir: wanted !== undefined && trusted(wanted) ? wanted : undefined, suffix: `-${process.version}-${process.arch}${flavour()}.bin` };
}

/**
 * Compiles `source` (a CommonJS bundle inside its module wrapper, `(function (exports, require,
 * module, __filename, __dirname) {…})`) with the cached code of this build and variant when there
 * is a usable one, and runs it as the module `mod` with its `req`. When there was none, or V8
 * rejected it, a run that ends well leaves a fresh one, holding every function it compiled.
 */
export function runCached(
  source: string,
  build: string,
  variant: string,
  mod: NodeJS.Module,
  req: NodeJS.Require,
  filename: string,
  dirname: string,
): void {
  const { dir, suffix } = (place ??= where());
  const file = dir === undefined ? undefined : join(dir, `${build}-${variant}${suffix}`);
  const cachedData = file === undefined ? undefined : readCache(file);
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  if (dir !== undefined && file !== undefined && (!cachedData || script.cachedDataRejected)) {
    // Only a run that went well: a failed one has compiled only the way to its error.
    process.once('exit', (code) => {
      if (code === 0) writeCache(dir, file, script.createCachedData(), build);
    });
  }
  const fn = script.runInThisContext() as ModuleFunction;
  fn.call(mod.exports, mod.exports, req, mod, filename, dirname);
}
