// The published package, as a user gets it: `npm pack`, then `npm install` of the tarball in an
// empty folder, then the binary through npx and the library through import(). npm pack runs
// the `prepack` build, so it packs a copy of the project: the other end-to-end tests keep using
// this checkout's dist/ while the copy builds. One install serves every assertion.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// npm passes its configuration to scripts as npm_* variables; the npm commands below must
// behave as if typed by a user, not as part of this project's `npm test`.
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
delete env.NO_COLOR;
delete env.FORCE_COLOR;

function sh(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000, shell: process.platform === 'win32' });
  if (r.error) throw r.error;
  return r;
}
// The user's command line; npm_config_yes=false makes npx fail rather than fetch a package of
// that name from the registry if the installed one were missing.
const npx = (args: string[]) => sh(NPX, args, app, { npm_config_yes: 'false' });
function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

let work: string;
let tarball: string;
let packed: string[];
let app: string;
let installLog: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mlflow-advisor-pack-'));
  const copy = join(work, 'project');
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|\.git|coverage|\.bench)$/.test(src) && !src.endsWith('.tgz'),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'junction');
  const out = ok(sh(NPM, ['pack', '--json', '--pack-destination', work], copy), 'npm pack');
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', version: '1.0.0', private: true }));
  const install = sh(NPM, ['install', tarball, '--no-audit', '--no-fund'], app);
  ok(install, 'npm install of the tarball');
  installLog = install.stdout + install.stderr;
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds only what runs: the built files, no sources, tests or source maps', () => {
    expect(packed).toContain('package.json');
    expect(packed).toContain(pkg.bin['mlflow-advisor']!);
    expect(packed).toContain('dist/index.js');
    expect(packed).toContain('dist/index.d.ts');
    expect(packed).toContain('examples/landscape.yaml');
    for (const file of packed) {
      expect(file, file).toMatch(/^(package\.json|README\.md|LICENSE(\.\w+)?|dist\/.+\.(c?js|d\.ts)|examples\/[\w-]+\.yaml)$/);
    }
  });

  it('passes publint --strict', () => {
    const r = sh(process.execPath, [join(ROOT, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'], work);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('All good');
  });

  // The command line and the library share one bundle (dist/advisor.cjs), so the engine and the
  // catalog are in the package once.
  it('installs as one package of at most 1 MB, with no warning', () => {
    const modules = readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(modules).toEqual(['mlflow-advisor']);
    const size = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((t, f) => t + size(join(p, f)), 0) : statSync(p).size);
    expect(size(join(app, 'node_modules', 'mlflow-advisor'))).toBeLessThanOrEqual(1_000_000);
    expect(installLog).not.toMatch(/warn|deprecat/i);
  });

  it('its type declarations compile for a TypeScript user who has no zod', () => {
    writeFileSync(
      join(app, 'use.ts'),
      `import { recommend, catalog, type Result, type Catalog, type RankedTool } from 'mlflow-advisor';
const r: Result = recommend({ teamSize: 'small', existingTools: ['mlflow'] });
const first: RankedTool | undefined = r.ranking[0];
const c: Readonly<Catalog> = catalog;
export const out: string[] = [...r.recommendation.tools, first?.tool ?? '', c.tools[0]!.name];
`,
    );
    // No @types at all: the declarations must stand on their own.
    const options = { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: [] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['use.ts'] }));
    const r = sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], app);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('npx mlflow-advisor --version prints the version', () => {
    const r = npx(['mlflow-advisor', '--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('the installed library loads the catalog checks only when a catalog is given', () => {
    const probe = `const m = await import('mlflow-advisor');
const r = m.recommend({}, { samples: 10, catalog: { exclude: [{ tool: 'kubeflow', reason: 'Not approved' }] } });
console.log(JSON.stringify({ excluded: r.ranking.find((t) => t.tool === 'kubeflow').exclusion.text }));`;
    const r = sh(process.execPath, ['--input-type=module', '-e', probe], app);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).excluded).toContain('Not approved');
    expect(readFileSync(join(app, 'node_modules/mlflow-advisor/dist/index.js'), 'utf8')).not.toMatch(/ZodError|zod\//);
  });

  it('npx mlflow-advisor compare --catalog landscape reads the example shipped in the package', () => {
    const r = npx(['mlflow-advisor', 'compare', '--json', '--catalog', 'landscape']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).tools.map((t: { id: string }) => t.id)).toEqual(['airflow', 'metaflow', 'kubeflow', 'mlflow', 'zenml', 'prefect', 'dagster', 'flyte', 'wandb']);
  });

  it('npx mlflow-advisor recommend --json --no-interactive prints one JSON recommendation', () => {
    const r = npx(['mlflow-advisor', 'recommend', '--json', '--no-interactive', '--team-size', 'large']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; answers: Record<string, unknown>; recommendation: { tools: string[] } };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.answers.teamSize).toBe('large');
    expect(doc.recommendation.tools.length).toBeGreaterThan(0);
  });

  it('the lazily loaded paths work from the package too: table, explain, schema', () => {
    const table = npx(['mlflow-advisor', 'recommend', '--no-interactive']);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain('Recommended:');
    const explain = npx(['mlflow-advisor', 'explain', 'mlflow']);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('MLflow');
    const schema = npx(['mlflow-advisor', 'schema']);
    expect(schema.status, schema.stderr).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('properties.recommendation');
  });

  it('reads the cited claims from the package: sources seed:ML-7 and its Hindi original', () => {
    const r = npx(['mlflow-advisor', 'sources', 'seed:ML-7']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^seed:ML-7 \(mlflow\)/);
    expect(r.stdout).toContain('OpenTelemetry');
    expect(r.stdout).toContain('23 दिसंबर, 2025');
  });

  it('names its repository, home page and issue tracker', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', pkg.name, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/.+\.git$/) });
    expect(installed.homepage).toMatch(/^https:\/\/github\.com\//);
    expect(installed.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\/github\.com\/.+\/issues$/) });
  });

  it('the library imports by name and recommends', () => {
    const script = "import('mlflow-advisor').then(m => console.log(JSON.stringify(m.recommend({teamSize:'small'}).recommendation.tools)))";
    const r = sh(process.execPath, ['-e', script], app);
    expect(r.status, r.stderr).toBe(0);
    const tools = JSON.parse(r.stdout) as string[];
    expect(tools.length).toBeGreaterThan(0);
    for (const t of tools) expect(['airflow', 'metaflow', 'kubeflow', 'mlflow']).toContain(t);
  });
});
