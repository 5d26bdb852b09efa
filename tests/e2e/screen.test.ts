// The terminal result as the built binary prints it for the bench's answer sets (scripts/bench.mjs):
// no line wider than the terminal (a URL or path that cannot be cut excepted), one screen by
// default at 80 columns, and more with --detail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { visibleWidth } from '../../src/render/wrap.js';
import { runAsync } from '../helpers/cli-async.js';

const dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const answersFile = join(dir, 'team.json');
writeFileSync(answersFile, JSON.stringify({ teamSize: 'solo', budget: 'minimal', tracking: 'essential', orchestration: 'none', cloud: 'aws' }));

const SETS: [string, string[]][] = [
  ['defaults', ['--no-interactive']],
  ['a large team on Kubernetes', ['--team-size', 'large', '--kubernetes', 'production', '--kubernetes-expertise', 'expert', '--needs', 'distributed-training,model-serving,hyperparameter-tuning', '--priority', 'scalability']],
  ['an answers file', ['--answers', answersFile]],
];

const lines = (s: string) => s.replace(/\n$/, '').split('\n');
const tooWide = (s: string, width: number) => lines(s).filter((l) => visibleWidth(l) > width && !/^\s*\S+( \\)?$/.test(l));

describe.concurrent('recommend on terminals of 60, 80 and 120 columns', () => {
  it.for(SETS)('%s', async ([, args], { expect }) => {
    for (const columns of [60, 80, 120]) {
      const env = { COLUMNS: String(columns) };
      const [short, detail] = await Promise.all([runAsync(['recommend', ...args], { env }), runAsync(['recommend', '--detail', ...args], { env })]);
      expect([short.code, detail.code]).toEqual([0, 0]);
      expect(tooWide(short.stdout, columns), `${columns} columns`).toEqual([]);
      expect(tooWide(detail.stdout, columns), `${columns} columns, --detail`).toEqual([]);
      if (columns === 80) expect(lines(short.stdout).length).toBeLessThanOrEqual(30);
      expect(lines(detail.stdout).length).toBeGreaterThan(lines(short.stdout).length * 2);
    }
  });
});
