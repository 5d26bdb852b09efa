// Builds the published files: one minified ESM bundle for the CLI (lazy chunks for the prompt
// library, tables and the schema), the library entry, and type declarations.
//   node scripts/build.mjs            full build
//   node scripts/build.mjs --no-types skip declarations (what the test suite uses)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const types = !process.argv.includes('--no-types');

// 1. The catalog must validate before it is inlined.
const tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-build-'));
try {
  const checker = join(root, 'scripts', '.check-catalog.mjs');
  await build({ entryPoints: [join(root, 'scripts/check-catalog.ts')], bundle: true, platform: 'node', format: 'esm', outfile: checker, logLevel: 'error', packages: 'external' });
  try {
    execFileSync(process.execPath, [checker], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  } finally {
    rmSync(checker, { force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// 2. Bundles. CommonJS dependencies (commander, cli-table3) need a real `require` inside ESM.
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'src/cli/main.ts'), index: join(root, 'src/index.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'error',
});

// 3. Declarations for the library API.
if (types) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeFileSync(join(root, 'dist/index.d.ts'), "export * from './types/index.js';\n");
}
