// The published executable: sets V8 up for a run that lasts a fraction of a second, then runs
// the CLI (main.ts, bundled by scripts/build.mjs into cli-main.cjs beside this file) through the
// code cache.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runCached } from './compile-cache.js';

declare const __BUILD_ID__: string;
/** The exports of each built-in the bundles load lazily, listed at build time (scripts/build.mjs): JSON. */
declare const __LAZY_BUILTIN_KEYS__: string;

// A run is over before an optimising compile pays back. The engine's hot loops run in
// WebAssembly (src/engine/kernel.wat); left to itself, V8 recompiles them with its optimising
// compiler on a background thread after a few hundred samples, which adds 2 to 3 MB to the peak
// memory of every run for a loop that ends a millisecond later. The baseline compilers are
// enough: Liftoff for WebAssembly, V8's interpreter for the JavaScript around it. Set before
// anything is compiled, because the code cache records the flags it was made with. Only the CLI
// does this; the library leaves V8 alone.
const FLAGS = ['--liftoff-only', '--max-opt=0'];

/**
 * V8's flag setter. node:v8 offers it, but loading node:v8 loads Node's stream modules too: about
 * 4 % of a run's time and 1.8 MB of its peak memory, for one call. The same function is on the
 * binding behind node:v8, reached through process.binding, which Node marks deprecated for this
 * binding and warns about once; the warning is kept out of the user's way for this one call, and
 * node:v8 is the fallback wherever the binding is gone.
 */
function setV8Flags(flags: readonly string[]): void {
  let set: ((flags: string) => void) | undefined;
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const binding = (process as unknown as { binding(name: string): { setFlagsFromString?: (flags: string) => void } }).binding('v8');
    if (typeof binding.setFlagsFromString === 'function') set = binding.setFlagsFromString.bind(binding);
  } catch {
    // no such binding in this Node
  } finally {
    process.noDeprecation = quiet;
  }
  set ??= (require('node:v8') as typeof import('node:v8')).setFlagsFromString;
  for (const flag of flags) set(flag);
}

setV8Flags(FLAGS);

// One cache per command: each holds the functions its own path compiles.
const COMMANDS = ['recommend', 'compare', 'explain', 'questions', 'schema', 'completion', 'help'];
const first = process.argv[2];
const variant = first !== undefined && COMMANDS.includes(first) ? first : 'default';

const lazy = new Map<string, unknown>();

/**
 * A stand-in for the built-in `name` that loads it on first use of one of its exports. Until then
 * it lists the exports the build saw (a bundled ES module's namespace import copies them as
 * getters), so listing them loads nothing.
 */
let builtinKeys: Record<string, string[]> | undefined;

function lazyBuiltin(name: string): object {
  let real: object | undefined;
  const load = () => (real ??= require(`node:${name}`) as object);
  const keys = (builtinKeys ??= JSON.parse(__LAZY_BUILTIN_KEYS__) as Record<string, string[]>)[name] ?? [];
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(load(), key),
      has: (_, key) => (real ? Reflect.has(real, key) : keys.includes(key as string) || Reflect.has(load(), key)),
      ownKeys: () => (real ? Reflect.ownKeys(real) : keys),
      getOwnPropertyDescriptor: (_, key) => {
        // The stand-in itself holds nothing, so a proxy may only report its properties as configurable.
        if (!real && keys.includes(key as string)) return { get: () => Reflect.get(load(), key), enumerable: true, configurable: true };
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
}

/**
 * `require` for the bundle and its lazy parts. The lazy parts (./lazy/*.cjs: the prompts,
 * tables, YAML, the schema; each wrapped as a CommonJS module function by the build) go
 * through the code cache too, each with a cache of its own per command, holding what that command
 * runs of it. `lazy-builtin:<name>` is a built-in the bundle names but a run rarely uses (see
 * LAZY_BUILTINS in scripts/build.mjs): a stand-in that loads it on first use. Everything else is
 * Node's require.
 */
function requireFromBundle(id: string): unknown {
  if (id.startsWith('lazy-builtin:')) {
    let standIn = lazy.get(id);
    if (standIn === undefined) {
      standIn = lazyBuiltin(id.slice('lazy-builtin:'.length));
      lazy.set(id, standIn);
    }
    return standIn;
  }
  if (!id.startsWith('./lazy/')) return require(id);
  let exports = lazy.get(id);
  if (exports === undefined) {
    const file = join(__dirname, id);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      // As Node's require words it: a lazy part missing is a broken installation.
      throw Object.assign(new Error(`Cannot find module '${file}' (${(e as NodeJS.ErrnoException).code ?? e})`), { code: 'MODULE_NOT_FOUND' });
    }
    const part = { exports: {} } as NodeJS.Module;
    runCached(text, __BUILD_ID__, `${variant}-lazy-${basename(file, '.cjs')}`, part, requireFromBundle as NodeJS.Require, file, dirname(file));
    exports = part.exports;
    lazy.set(id, exports);
  }
  return exports;
}

const main = join(__dirname, 'cli-main.cjs');
// UTF-8 is Node's fast path for reading a file into a string (faster here than latin1).
runCached(readFileSync(main, 'utf8'), __BUILD_ID__, variant, module, requireFromBundle as NodeJS.Require, main, __dirname);
