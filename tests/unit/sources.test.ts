// The cited claims as the package ships them: every claim of the digest, its topic from the
// digest's section, its Hindi original taken word for word from the article, and the `sources`
// command that reads them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCompletion } from '../../src/cli/commands/completion.js';
import { findClaim, renderClaim, renderClaimList, runSources, wrap } from '../../src/cli/commands/sources.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { InputError } from '../../src/errors.js';
import { article, parseDigest, seedClaims } from '../../src/sources/claims.js';
import hindi from '../../data/seed/claims.hi.json' with { type: 'json' };
import { claims as digestIds } from '../helpers/catalog.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const articleText = readFileSync(join(DATA, 'seed/article.hi.txt'), 'utf8');
const claims = seedClaims();
const ids = claims.map((c) => c.id);
const cells = (s: string) => [...s.replace(/\p{M}/gu, '')].length;

function fakeIo(opts: { tty?: boolean; columns?: number } = {}) {
  let out = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: () => true },
    env: {},
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: false,
    columns: opts.columns ?? 100,
  } as unknown as Io;
  return { io, out: () => out };
}

describe('the shipped claims', () => {
  it('are every claim of the digest, in its order, each once', () => {
    expect(new Set(ids)).toEqual(digestIds);
    expect(ids).toHaveLength(digestIds.size);
  });

  it('take their topic from the digest section they stand in', () => {
    const topicOf: Record<string, string> = { F: 'general', AF: 'airflow', MF: 'metaflow', KF: 'kubeflow', ML: 'mlflow', G: 'general' };
    for (const c of claims) expect(c.topic, c.id).toBe(topicOf[c.id.replace(/-\d+$/, '')]);
  });

  it('hold the whole English text of a claim, continuation lines joined', () => {
    for (const c of claims) {
      expect(c.text, c.id).toMatch(/^\S.*\S$/);
      expect(c.text, c.id).not.toMatch(/\s{2}|\n/);
    }
    const af1 = claims.find((c) => c.id === 'AF-1')!;
    expect(af1.text).toMatch(/^The go-to choice .* Apache Software Foundation project: .* 3,000\+ contributors\.$/);
    expect(af1.ref).toBe('seed:AF-1');
  });

  it('parse a digest: sections give topics, a blank line or heading ends a claim', () => {
    const md = '# T\n\nintro\n\n## Kubeflow (KF)\n- KF-1 one\n  two\n\n## Selection (G)\n- G-1 three\nnot part\n';
    expect(parseDigest(md)).toEqual([
      { id: 'KF-1', topic: 'kubeflow', text: 'one two' },
      { id: 'G-1', topic: 'general', text: 'three' },
    ]);
  });

  it('each carry Hindi sentences that occur word for word in the article', () => {
    for (const c of claims) {
      expect(c.original.language).toBe('hi');
      expect(c.original.sentences.length, c.id).toBeGreaterThan(0);
      for (const s of c.original.sentences) {
        expect(s.trim().length, c.id).toBeGreaterThan(10);
        expect(/[\u0900-\u097F]/.test(s), `${c.id}: ${s}`).toBe(true);
        expect(articleText.includes(s), `${c.id}: ${s}`).toBe(true);
      }
      expect(new Set(c.original.sentences).size, c.id).toBe(c.original.sentences.length);
    }
  });

  it('have no Hindi entry for a claim the digest lacks, and the article title is the article\'s own', () => {
    expect(Object.keys(hindi.sentences).filter((id) => !digestIds.has(id))).toEqual([]);
    expect(articleText).toContain(article.title);
  });

  it('include every seed:ID cited anywhere in data/', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const cited = new Set<string>();
    for (const file of files(DATA)) for (const m of readFileSync(file, 'utf8').matchAll(/seed:([A-Za-z]+-\d+)/g)) cited.add(m[1]!);
    expect(cited.size).toBeGreaterThan(20);
    expect([...cited].filter((id) => !ids.includes(id))).toEqual([]);
  });
});

describe('finding a claim', () => {
  it('takes ML-7 or seed:ML-7 in any case', () => {
    for (const raw of ['ML-7', 'ml-7', 'seed:ML-7', 'SEED:ml-7', ' seed:Ml-7 ']) expect(findClaim(claims, raw).id).toBe('ML-7');
  });

  it('refuses an unknown id, naming the known ones and the nearest', () => {
    expect(() => findClaim(claims, 'ML-77')).toThrow(InputError);
    expect(() => findClaim(claims, 'seed:ml-77')).toThrow(/unknown claim "seed:ml-77"; use an id of F-1\.\.F-4, AF-1\.\.AF-13, .*G-1\.\.G-9 .*Did you mean "ML-7"\?$/);
    expect(() => findClaim(claims, 'kubeflow')).toThrow(/^unknown claim "kubeflow"; use an id of [^"]*$/);
  });
});

describe('rendering', () => {
  it('wraps words to a width, counting Devanagari marks as no column', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
    expect(wrap('कि कि', 3)).toEqual(['कि कि']);
  });

  it('lists one claim a line without a terminal, and wraps under the text on one', () => {
    const flat = renderClaimList(claims).trimEnd().split('\n');
    expect(flat).toHaveLength(claims.length);
    expect(flat.find((l) => l.startsWith('ML-7 '))).toMatch(/^ML-7\s+mlflow\s+OpenTelemetry support/);
    const wrapped = renderClaimList(claims, 60).trimEnd().split('\n');
    expect(wrapped.length).toBeGreaterThan(claims.length);
    for (const line of wrapped) expect(cells(line), line).toBeLessThanOrEqual(60);
    expect(wrapped.filter((l) => /^[A-Z]+-\d+ /.test(l))).toHaveLength(claims.length);
  });

  it('shows one claim with its English text and its Hindi original', () => {
    const ml7 = findClaim(claims, 'ML-7');
    const text = renderClaim(ml7, 80);
    expect(text).toMatch(/^seed:ML-7 \(mlflow\)\n/);
    expect(text).toContain('23 December 2025');
    expect(text).toContain('23 दिसंबर, 2025');
    for (const line of text.split('\n')) expect(cells(line), line).toBeLessThanOrEqual(80);
  });
});

describe('the sources command', () => {
  it('prints one claim as JSON: id, ref, topic, text and the original sentences', async () => {
    const { io, out } = fakeIo();
    await runSources('kf-3', { json: true }, io);
    const doc = JSON.parse(out());
    expect(Object.keys(doc)).toEqual(['id', 'ref', 'topic', 'text', 'original']);
    expect(doc).toMatchObject({ id: 'KF-3', ref: 'seed:KF-3', topic: 'kubeflow', original: { language: 'hi' } });
    expect(doc.original.sentences.join(' ')).toContain('KServe');
  });

  it('prints every claim as JSON with the article it comes from', async () => {
    const { io, out } = fakeIo();
    await runSources(undefined, { json: true }, io);
    const doc = JSON.parse(out());
    expect(doc.article).toMatchObject({ language: 'hi', title: article.title });
    expect(doc.claims.map((c: { id: string }) => c.id)).toEqual(ids);
  });

  it('adds a hint below the list on a terminal only', async () => {
    const tty = fakeIo({ tty: true, columns: 70 });
    await runSources(undefined, {}, tty.io);
    expect(tty.out()).toMatch(/\n\d+ claims of the source article\. mlflow-advisor sources ID shows one/);
    const pipe = fakeIo();
    await runSources(undefined, {}, pipe.io);
    expect(pipe.out().trimEnd().split('\n')).toHaveLength(claims.length);
  });

  it('completes claim ids in the shell scripts', async () => {
    const { io, out } = fakeIo();
    await runCompletion('bash', buildProgram(io), io);
    expect(out()).toContain(`sources) COMPREPLY=($(compgen -W '${ids.join(' ')}' -- "$cur")) ;;`);
  });
});
