// The Node binaries that tests of version-dependent behaviour run the CLI with: the one running
// the tests, and those listed in MLFLOW_ADVISOR_TEST_NODES (paths separated by the platform's
// delimiter; .ci/run installs Node 22, 24 and 26 and sets it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';

export interface NodeBinary {
  path: string;
  version: string;
  /** [major, minor] */
  at: [number, number];
}

const versionOf = (path: string): string | undefined => {
  if (path === process.execPath) return process.version;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
};

export const LISTED = (process.env.MLFLOW_ADVISOR_TEST_NODES ?? '').split(delimiter).filter(Boolean);

/** Every known Node binary, the one running the tests first, each once. */
export function nodes(): NodeBinary[] {
  const seen = new Map<string, NodeBinary>();
  for (const path of [process.execPath, ...LISTED]) {
    if (!existsSync(path)) continue;
    const version = versionOf(path);
    if (version === undefined || [...seen.values()].some((n) => n.version === version)) continue;
    const [major, minor] = version.slice(1).split('.').map(Number) as [number, number];
    seen.set(path, { path, version, at: [major, minor] });
  }
  return [...seen.values()];
}

/** Node 22.1 and later: the ones with module.enableCompileCache. */
export const withCompileCache = (n: NodeBinary) => n.at[0] > 22 || (n.at[0] === 22 && n.at[1] >= 1);

export const WHY_NO_NEW_NODE =
  'no Node >= 22.1 here: run the tests on one, or list Node binaries in MLFLOW_ADVISOR_TEST_NODES (.ci/run does)';
