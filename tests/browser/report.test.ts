// The HTML report in a real browser: Debian's Chromium, driven by playwright-core (no browser
// download). For the bench's answer sets, the page written by `recommend --format html` opens
// from disk with no request but its own file and no console error, its charts show the numbers
// of `recommend --json`, axe-core finds no violation in light or dark, it fits 360 px, and it
// prints on A4 without cutting a chart. Screenshots at 390 and 1280 px go to a temporary folder,
// or to REPORT_SCREENSHOTS (`REPORT_SCREENSHOTS=docs/img npx vitest run tests/browser` refreshes
// the ones in the docs).
//
// Skipped, with the reason, when SKIP_BROWSER_TESTS is set (a suite run on several Node versions
// needs the browser once) or when Chromium is missing outside CI; in CI (CI=true) a missing
// Chromium fails.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/schema/result.js';
import { ANSWER_SETS, asFlags } from '../fixtures/answer-sets.js';
import { run } from '../helpers/cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skip = process.env.SKIP_BROWSER_TESTS
  ? 'SKIP_BROWSER_TESTS is set'
  : !existsSync(CHROMIUM) && process.env.CI !== 'true'
    ? `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`
    : undefined;
if (skip) process.stderr.write(`tests/browser skipped: ${skip}\n`);

// The answer sets of scripts/bench.mjs.
const CASES: Record<string, string[]> = {
  defaults: ['--no-interactive'],
  'large team on Kubernetes': ['--team-size', 'large', '--kubernetes', 'production', '--kubernetes-expertise', 'expert', '--needs', 'distributed-training,model-serving,hyperparameter-tuning', '--priority', 'scalability'],
  'answers file': ['--answers', 'ANSWERS'],
  // Not a bench case: a stack, a later roadmap stage and flips, the page at its fullest.
  'platform team': asFlags(ANSWER_SETS.platformTeam!),
};
/** The case whose screenshots the docs show. */
const SHOWN = 'platform team';

let dir: string;
let shots: string;
let context: BrowserContext;
const reports: Record<string, { url: string; result: Result; file: string }> = {};

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-browser-'));
  shots = process.env.REPORT_SCREENSHOTS ? resolve(process.env.REPORT_SCREENSHOTS) : join(dir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const answers = join(dir, 'team.json');
  writeFileSync(answers, JSON.stringify({ teamSize: 'solo', budget: 'minimal', tracking: 'essential', orchestration: 'none', cloud: 'aws' }));
  for (const [name, raw] of Object.entries(CASES)) {
    const args = raw.map((a) => (a === 'ANSWERS' ? answers : a));
    const file = join(dir, `${name.replace(/\W+/g, '-')}.html`);
    const written = run(['recommend', ...args, '--format', 'html', '--output', file], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(written.code, written.stderr).toBe(0);
    const json = run(['recommend', ...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    reports[name] = { url: pathToFileURL(file).href, result: JSON.parse(json.stdout) as Result, file };
  }
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens a report; `problems` collects every request but the file itself and every console error. */
async function open(url: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) problems.push(`request: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Nothing leaves the machine even if the page asked.
  await page.route(/^(?!file:)/, (route) => route.abort());
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's own CSP (one script, by hash) stays on.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(skip !== undefined)('the HTML report in Chromium', () => {
  it('Chromium is installed', () => {
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: .ci/run installs it with apt-get`).toBe(true);
  });

  for (const name of Object.keys(CASES)) {
    it(`${name}: opens from disk with no request and no console error, and axe finds no violation in light or dark`, async () => {
      const { url } = reports[name]!;
      for (const [width, scheme] of [[1280, 'light'], [390, 'dark']] as const) {
        const { page, problems } = await open(url, width, scheme);
        expect(await axeViolations(page), `${width} px, ${scheme}`).toEqual([]);
        expect(problems, `${width} px, ${scheme}`).toEqual([]);
        await page.close();
      }
    });

    it(`${name}: the charts show the numbers of recommend --json`, async () => {
      const { url, result } = reports[name]!;
      const { page, problems } = await open(url, 1280);
      const scores = await page.$$eval('#scores-chart .row', (rows) =>
        rows.map((row) => {
          const track = row.querySelector('.track')!.getBoundingClientRect().width;
          return {
            tool: row.getAttribute('data-tool'),
            shown: row.querySelector('.num')!.textContent,
            label: row.querySelector('.track')!.getAttribute('aria-label'),
            parts: [...row.querySelectorAll('.seg')].map((s) => ({ points: Number(s.getAttribute('data-contribution')), share: s.getBoundingClientRect().width / track })),
            off: [...row.querySelectorAll('.off')].map((s) => ({ points: Number(s.getAttribute('data-off')), left: (s.getBoundingClientRect().left - row.querySelector('.track')!.getBoundingClientRect().left) / track })),
          };
        }),
      );
      expect(scores.map((s) => s.tool)).toEqual(result.ranking.map((t) => t.tool));
      for (const [i, s] of scores.entries()) {
        const t = result.ranking[i]!;
        expect(s.shown).toBe(t.score.toFixed(1));
        expect(s.label).toContain(`${t.name}: ${t.score.toFixed(1)} of 100`);
        // A tool no deployment target fits scores nothing and has no parts.
        expect(s.parts.length > 0).toBe(!t.excluded);
        // Each part is as wide as its points (out of 100), to within a pixel of the 600-px bar.
        for (const p of s.parts) expect(Math.abs(p.share - p.points / 100)).toBeLessThan(0.003);
        const positive = t.breakdown.filter((b) => b.contribution > 0).reduce((sum, b) => sum + b.contribution, 0);
        const negative = t.breakdown.filter((b) => b.contribution < 0).reduce((sum, b) => sum - b.contribution, 0);
        expect(s.parts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(positive, 6);
        expect(s.off.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(negative, 6);
        // Points taken off are struck through from the score on.
        for (const o of s.off) expect(Math.abs(o.left - t.score / 100)).toBeLessThan(0.003);
      }
      const firsts = await page.$$eval('#first-chart .row', (rows) =>
        rows.map((row) => ({
          tool: row.getAttribute('data-tool'),
          shown: row.querySelector('.num')!.textContent,
          share: row.querySelector('.fill')!.getBoundingClientRect().width / row.querySelector('.track')!.getBoundingClientRect().width,
        })),
      );
      expect(firsts.map((f) => f.tool)).toEqual(result.ranking.map((t) => t.tool));
      for (const [i, f] of firsts.entries()) {
        expect(f.shown).toBe(`${Math.round(result.ranking[i]!.firstChance * 100)}%`);
        expect(Math.abs(f.share - result.ranking[i]!.firstChance)).toBeLessThan(0.003);
      }
      expect(await page.locator('h1').textContent()).toContain(result.recommendation.tools.length > 1 ? ' + ' : 'Adopt ');
      expect(await page.locator('.facts').textContent()).toContain(`${Math.round(result.recommendation.confidence * 100)}%`);
      expect(await page.locator('#flips tbody tr').count()).toBe(result.recommendation.flips.length);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('fits a 360 px screen without sideways scrolling, and prints on A4 without cutting a chart', async () => {
    const { url, file } = reports[SHOWN]!;
    const { page, problems } = await open(url, 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      charts: [...document.querySelectorAll('figure.chart')].map((f) => getComputedStyle(f).breakInside),
      nav: getComputedStyle(document.querySelector('nav')!).display,
      buttons: [...document.querySelectorAll('.cmd button')].map((b) => getComputedStyle(b).display),
    }));
    expect(print.charts).toEqual(['avoid', 'avoid']);
    expect(print.nav).toBe('none');
    expect(new Set(print.buttons)).toEqual(new Set(['none']));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(file.replace(/\.html$/, '.pdf'), pdf);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('copies a command with its button, and the command stays selectable text', async () => {
    const { url, result } = reports[SHOWN]!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, problems } = await open(url, 1280);
    const first = result.nextSteps.find((s) => s.command)!.command!;
    const button = page.locator('.cmd button').first();
    await expect(button.getAttribute('aria-label')).resolves.toBe(`Copy the command: ${first}`);
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    expect(await page.locator('.cmd pre').first().evaluate((e) => getComputedStyle(e).userSelect)).toBe('all');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves screenshots at 390 and 1280 px', async () => {
    const { url } = reports[SHOWN]!;
    for (const [width, height] of [
      [390, 1400],
      [1280, 1000],
    ] as const) {
      const { page, problems } = await open(url, width);
      await page.setViewportSize({ width, height });
      const path = join(shots, `report-${width}.png`);
      await page.screenshot({ path });
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
