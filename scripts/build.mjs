// Builds the published files:
//   dist/cli.cjs     the entry (src/cli/bin.ts, the package's bin): turns Node's compile cache
//                    on (Node 22.1 and later, in a folder of the user's own) and runs the bundle
//   dist/advisor.cjs the one bundle (src/bundle.ts): commander, the engine, the catalog, every
//                    command and the library's functions, so `recommend --json` reads these two
//                    files of the package; CommonJS (see docs/performance.md)
//   dist/lazy/*.cjs  what only some paths need: the prompt library, table rendering (chalk,
//                    cli-table3), the JSON Schema (made at build time from zod), the YAML
//                    parser, the cited claims (the digest and the Hindi sentences, for
//                    `sources`) and the HTML report; each is one file, required by the path that
//                    needs it
//   dist/catalog.cjs an organisation's catalog checked with zod (--catalog, the library's option)
//   dist/index.js    the library API (ESM): a few lines that take its functions from the bundle
//   dist/index.d.ts  declarations (dist/types)
// No source maps are written: nothing on the start-up path reads or points to one.
//   node scripts/build.mjs             full build
//   node scripts/build.mjs --no-types  skip declarations (what the test suite uses)
//   node scripts/build.mjs --no-minify readable names, for `node --cpu-prof dist/cli.cjs ...`
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const types = !process.argv.includes('--no-types');
const minify = !process.argv.includes('--no-minify');
const dist = join(root, 'dist');

// Modules that pull in a heavy package, imported with `import()` only on the paths that need
// them, by the file in dist/lazy that holds them; everything else is inlined into dist/advisor.cjs.
// Modules that share a file share their packages, and a path still reads one lazy file.
const LAZY = {
  'src/questionnaire/prompter.ts': 'prompter', // @inquirer/*: only when a prompt is shown
  'src/render/table.ts': 'render', // chalk, cli-table3: the table output
  'src/render/profile.ts': 'render', // the same, for explain and compare
  'src/schema/json-schema.ts': 'json-schema', // the finished JSON Schema: only the schema command
  'src/sources/claims.ts': 'sources', // the digest and the Hindi sentences: only the sources command
  'src/render/html.ts': 'html', // the HTML report's markup and style sheet
};
// Modules the CLI and the library both load on demand, each one plain CommonJS file in dist/.
const SHARED = {
  'src/catalog/overlay.ts': 'catalog', // an organisation's catalog checked with zod: --catalog, `schema catalog`, the catalog option
};
// The library (src/index.ts) imports some of those modules statically, for functions that return
// at once; in the bundle each such import becomes a function that requires the module's file on
// its first call. These are the functions it calls.
const LIBRARY_CALLS = { 'src/catalog/overlay.ts': ['withCatalogFiles'], 'src/render/html.ts': ['renderHtml'] };
// Packages that modules inside dist/advisor.cjs import but only on a rarely taken path; each becomes
// a file of its own in dist/lazy, required when that code first runs. (answers-yaml.ts itself
// stays in the CLI file: it throws InputError, which must not exist twice.)
const LAZY_PACKAGES = {
  yaml: 'yaml', // YAML answers files
};
// The only package the start-up file may hold (commander reads every line): the build fails if
// another one creeps in.
const STARTUP_PACKAGES = ['commander'];
// Modules whose identity matters (main.ts tests `instanceof AdvisorError`): a second copy in a
// lazy file would turn its errors into "unexpected failure". Lazy modules must not import them.
const NOT_IN_LAZY = ['src/errors.ts'];

const fail = (message) => {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
};

// 1. The catalog must validate before it is inlined.
{
  const checker = join(root, 'scripts', '.check-catalog.mjs');
  await build({ entryPoints: [join(root, 'scripts/check-catalog.ts')], bundle: true, platform: 'node', format: 'esm', outfile: checker, logLevel: 'error', packages: 'external' });
  try {
    execFileSync(process.execPath, [checker], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  } finally {
    rmSync(checker, { force: true });
  }
}

// 2. The JSON Schema of the --json output, made from the zod schema here, so that no published
// file needs zod: the schema command's lazy file holds the finished schema.
const jsonSchema = await (async () => {
  const out = join(root, 'scripts', '.json-schema.mjs');
  await build({ entryPoints: [join(root, 'src/schema/json-schema.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', packages: 'external' });
  try {
    const m = await import(`${pathToFileURL(out).href}?${Date.now()}`);
    return { title: m.SCHEMA_TITLE, schema: JSON.stringify(m.outputJsonSchema()) };
  } finally {
    rmSync(out, { force: true });
  }
})();
const prebuiltSchema = {
  name: 'prebuilt-json-schema',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]schema[\\/]json-schema\.ts$/ }, () => ({
      contents: `export const SCHEMA_TITLE = ${JSON.stringify(jsonSchema.title)};\nexport function outputJsonSchema() { return JSON.parse(${JSON.stringify(jsonSchema.schema)}); }\n`,
      loader: 'js',
    }));
  },
};

// 3. Bundles.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'error',
  metafile: true,
  absWorkingDir: root,
  // data/seed/digest.md: its text, for the sources command.
  loader: { '.md': 'text' },
};

// In the bundle, `import('…/render/table.js')` and the like, and the packages of LAZY_PACKAGES,
// load ./lazy/<name>.cjs instead of being inlined.
const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (LAZY_PACKAGES[args.path] ? { path: `./lazy/${LAZY_PACKAGES[args.path]}.cjs`, external: true } : undefined));
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = relative(root, resolve(args.resolveDir, args.path)).split(sep).join('/').replace(/\.js$/, '.ts');
      const name = LAZY[source];
      if (SHARED[source]) return { path: `./${SHARED[source]}.cjs`, external: true };
      return name ? { path: `./lazy/${name}.cjs`, external: true } : undefined;
    });
  },
};

// The catalog as JSON.parse('…') rather than object literals: V8 parses JSON far faster than
// the same data as JavaScript, and a start-up reads all of it.
const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) =>
      args.path.startsWith(join(root, 'data') + sep)
        ? { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`, loader: 'js' }
        : undefined,
    );
  },
};

// commander requires child_process at load, for executable subcommands this CLI does not have:
// in the CLI bundle that require becomes a stand-in that loads the module only if it is used.
const commanderChildProcess = {
  name: 'commander-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = { spawn: (...args) => process.getBuiltinModule('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

// The library's static imports of LIBRARY_CALLS modules: a stand-in whose functions require the
// module's own file (dist/catalog.cjs, dist/lazy/html.cjs) on their first call, so importing the
// library loads neither zod nor the report's markup.
const fileOf = (source) => (SHARED[source] ? `./${SHARED[source]}.cjs` : `./lazy/${LAZY[source]}.cjs`);
const libraryCalls = {
  name: 'library-calls',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'import-statement' || !args.importer.endsWith(join('src', 'index.ts'))) return undefined;
      const source = relative(root, resolve(args.resolveDir, args.path)).split(sep).join('/').replace(/\.js$/, '.ts');
      return LIBRARY_CALLS[source] ? { path: source, namespace: 'library-calls' } : undefined;
    });
    b.onResolve({ filter: /\.cjs$/, namespace: 'library-calls' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'library-calls' }, (args) => ({
      contents:
        `let m;\nconst load = () => (m ??= require(${JSON.stringify(fileOf(args.path))}));\n` +
        LIBRARY_CALLS[args.path].map((n) => `export function ${n}(...a) { return load().${n}(...a); }`).join('\n'),
      loader: 'js',
    }));
  },
};

// zod names all its ~50 message languages in one namespace object, so a bundle that holds zod
// (the catalog checks) holds every one: 250 kB of a 460 kB file. The checks speak English.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({ contents: "export { default as en } from '../locales/en.js';", resolveDir: args.pluginData, loader: 'js' }));
  },
};

rmSync(dist, { recursive: true, force: true });
// Each lazy file is a bundle of its own (no shared chunks), so each path reads one more file
// at most.
const [cli, ...lazy] = await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'src/bundle.ts')],
    outfile: join(dist, 'advisor.cjs'),
    format: 'cjs',
    // import() of a lazy file becomes require(): no ES module loader on any CLI path.
    supported: { 'dynamic-import': false },
    plugins: [libraryCalls, lazyImports, jsonAsParse, commanderChildProcess],
  }),
  ...Object.entries(SHARED).map(([source, name]) =>
    build({
      ...common,
      entryPoints: [join(root, source)],
      outfile: join(dist, `${name}.cjs`),
      format: 'cjs',
      // Its own copy of the part of zod it uses (zod is not installed with the package).
      plugins: [zodEnglishOnly],
    }),
  ),
  ...Object.entries(LAZY_PACKAGES).map(([pkgName, name]) =>
    build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(pkgName)});`, resolveDir: root, loader: 'js' },
      outfile: join(dist, 'lazy', `${name}.cjs`),
      format: 'cjs',
    }),
  ),
  ...[...new Set(Object.values(LAZY))].map((name) =>
    build({
      ...common,
      stdin: {
        contents: Object.keys(LAZY)
          .filter((source) => LAZY[source] === name)
          .map((source) => `export * from ${JSON.stringify(`./${source}`)};`)
          .join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
      outfile: join(dist, 'lazy', `${name}.cjs`),
      format: 'cjs',
      // The Hindi sentences as UTF-8 rather than \u escapes, 40% smaller.
      charset: name === 'sources' ? 'utf8' : undefined,
      plugins: [prebuiltSchema],
    }),
  ),
]);
// dist/cli.cjs is the small entry (src/cli/bin.ts), which turns Node's compile cache on before it
// requires dist/advisor.cjs, the bundle.
await build({
  ...common,
  entryPoints: [join(root, 'src/cli/bin.ts')],
  outfile: join(dist, 'cli.cjs'),
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  external: ['./advisor.cjs'],
  metafile: false,
});
chmodSync(join(dist, 'cli.cjs'), 0o755);

// dist/index.js, the library's ES module: the library's functions and constants, taken from the
// bundle. Their names are read from the bundle itself, so the two cannot disagree.
{
  const names = Object.keys(createRequire(import.meta.url)(join(dist, 'advisor.cjs')).library()).sort();
  writeFileSync(
    join(dist, 'index.js'),
    `// The library API (src/index.ts); its code is in advisor.cjs, which the command line runs too.\n` +
      `import { createRequire } from 'node:module';\n\n` +
      `const library = createRequire(import.meta.url)('./advisor.cjs').library();\n` +
      `export const { ${names.join(', ')} } = library;\n`,
  );
}

const inputs = (result) => Object.keys(result.metafile.inputs);
const packageOf = (input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
const creeping = [...new Set(inputs(cli).map(packageOf).filter(Boolean))].filter((p) => !STARTUP_PACKAGES.includes(p));
if (creeping.length) {
  fail(`dist/advisor.cjs bundles ${creeping.join(', ')}; import the module that needs it with import() and list it in LAZY, or the package in LAZY_PACKAGES (scripts/build.mjs).`);
}
const copied = [...new Set(lazy.flatMap(inputs))].filter((input) => NOT_IN_LAZY.includes(input));
if (copied.length) {
  fail(`a lazy module imports ${copied.join(', ')}, which would then exist twice; keep that import on the start-up side.`);
}

// 4. Declarations for the library API.
if (types) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  (await import('./plain-types.mjs')).writePlainTypes(root, join(dist, 'types'));
  writeFileSync(join(dist, 'index.d.ts'), "export * from './types/index.js';\n");
}
