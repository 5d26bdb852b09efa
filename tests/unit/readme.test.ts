// The README a newcomer reads: short, a quick try first, a sample result that fits one screen,
// and the longer documentation where it says.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleWidth } from '../../src/render/wrap.js';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('README.md', () => {
  it('stays under 12 kB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(12 * 1024);
  });

  it('starts with a quick try that needs no answers', () => {
    const first = /```sh\n([^\n]+)/.exec(readme)![1]!;
    expect(first).toMatch(/npm ci && npm run build && node bin\/mlflow-advisor\.js recommend --no-interactive/);
  });

  it('shows a sample result of one screen at 80 columns', () => {
    const sample = readme.slice(readme.indexOf('\nRecommended: '), readme.indexOf('```', readme.indexOf('\nRecommended: '))).trim().split('\n');
    expect(sample.length).toBeGreaterThan(10);
    expect(sample.length).toBeLessThanOrEqual(30);
    for (const line of sample) expect(visibleWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('links documents that exist', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(new URL(link, root)), link).toBe(true);
  });
});
