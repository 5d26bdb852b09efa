import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Opens every folder under `dir` for writing, so that a test's read-only folder can be removed. */
function unlock(dir: string): void {
  try {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (lstatSync(path).isDirectory()) unlock(path);
    }
  } catch {
    // gone already, or not ours
  }
}

export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-types'], { stdio: 'inherit' });
  // One folder for the home, cache and temp folder of every CLI the tests spawn (they inherit HOME
  // and XDG_CACHE_HOME, where the CLI keeps its compile cache on Node 22.1 and later; the helpers
  // give them TMPDIR): the user's own cache is never written, and
  // the folder goes when the suite ends. The tests' own temp folders stay in the system's, where
  // each test file removes its own.
  const root = mkdtempSync(join(tmpdir(), 'mlflow-advisor-tests-'));
  // Searchable by all, the temp folder shared like /tmp: some tests run the CLI as `nobody`.
  chmodSync(root, 0o755);
  for (const [name, sub, mode] of [['MLFLOW_ADVISOR_TEST_TMPDIR', 'tmp', 0o1777], ['HOME', 'home', 0o755], ['XDG_CACHE_HOME', 'cache', 0o755]] as const) {
    mkdirSync(join(root, sub));
    chmodSync(join(root, sub), mode);
    process.env[name] = join(root, sub);
  }
  return () => {
    unlock(root);
    rmSync(root, { recursive: true, force: true });
  };
}
