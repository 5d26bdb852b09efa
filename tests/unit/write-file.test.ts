import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDistinct, planWrite, writePlanned, type WriteFs } from '../../src/cli/write-file.js';
import { InputError, WriteError } from '../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The real calls, with `name` failing with `code` (after `okBytes` bytes, for writeSync). */
function failing(name: keyof WriteFs, code: string, okBytes = 0): WriteFs {
  let written = 0;
  const real = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const calls = Object.fromEntries(['openSync', 'writeSync', 'fsyncSync', 'fchmodSync', 'closeSync', 'renameSync', 'unlinkSync'].map((k) => [k, real[k]!.bind(fs)]));
  calls[name] = (...args: unknown[]) => {
    if (name === 'writeSync') {
      // A disk that takes okBytes, then is full: the first call writes part, as a real one would.
      const [fd, buffer, offset, length] = args as [number, Buffer, number, number];
      if (written < okBytes) {
        const n = fs.writeSync(fd, buffer, offset, Math.min(length, okBytes - written));
        written += n;
        return n;
      }
    }
    throw fault(code);
  };
  return calls as unknown as WriteFs;
}

describe('writePlanned', () => {
  it('replaces a file whole and keeps its permissions', async () => {
    const path = join(dir, 'adr.md');
    writeFileSync(path, 'old');
    fs.chmodSync(path, 0o604);
    await writePlanned(planWrite(path, '--output'), 'new text');
    expect(readFileSync(path, 'utf8')).toBe('new text');
    expect(statSync(path).mode & 0o777).toBe(0o604);
    expect(readdirSync(dir)).toEqual(['adr.md']);
  });

  it.each([
    ['writeSync', 'ENOSPC', 4096, /no space left on the device/],
    ['writeSync', 'EDQUOT', 0, /disk quota exceeded/],
    ['fsyncSync', 'EIO', 0, /input\/output error/],
    ['renameSync', 'EXDEV', 0, /EXDEV/],
    ['openSync', 'EMFILE', 0, /EMFILE/],
  ] as const)('%s failing with %s: a WriteError (exit 1), the old file intact, no temp file', async (name, code, okBytes, reason) => {
    const path = join(dir, 'adr.md');
    writeFileSync(path, 'the old record');
    const err = await writePlanned(planWrite(path, '--output'), 'x'.repeat(100_000), failing(name, code, okBytes)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteError);
    expect((err as WriteError).exitCode).toBe(1);
    expect((err as Error).message).toMatch(reason);
    expect((err as Error).message).toMatch(/adr\.md: not written \(.*\); the previous file is unchanged\.$/);
    expect(readFileSync(path, 'utf8')).toBe('the old record');
    expect(readdirSync(dir)).toEqual(['adr.md']);
  });

  it('a new file that cannot be written leaves nothing', async () => {
    const path = join(dir, 'new.md');
    const err = await writePlanned(planWrite(path, '--output'), 'text', failing('writeSync', 'ENOSPC')).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${path}: not written (no space left on the device).`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('planWrite', () => {
  it.each([
    ['', /^--output: needs a file name, or - for standard output\.$/],
    ['missing/x.md', /^--output .*missing\/x\.md: no such folder: .*missing$/],
    ['.', /is a directory; name a file in it\./],
    ['file.txt/x.md', /a part of the path is not a folder\./],
  ])('refuses %j with an InputError (exit 2)', (name, message) => {
    writeFileSync(join(dir, 'file.txt'), '');
    const err = (() => {
      try {
        planWrite(name === '' ? '' : join(dir, name), '--output');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });

  it('names a dangling symbolic link and where it points', () => {
    symlinkSync('nowhere/x.md', join(dir, 'link.md'));
    expect(() => planWrite(join(dir, 'link.md'), '--save')).toThrow(/^--save .*link\.md: a symbolic link to nowhere\/x\.md, which does not exist; create it or remove the link\.$/);
  });

  it('tells the same file apart through links and spellings, and a file to come by its real path', () => {
    writeFileSync(join(dir, 'a.json'), '{}');
    symlinkSync('a.json', join(dir, 'l.json'));
    fs.linkSync(join(dir, 'a.json'), join(dir, 'h.json'));
    const plan = (p: string) => planWrite(join(dir, p), '--output');
    expect(plan('l.json').id).toBe(plan('a.json').id);
    expect(plan('h.json').id).toBe(plan('a.json').id);
    expect(plan('./new.json').id).toBe(plan('new.json').id);
    expect(plan('new.json').id).not.toBe(plan('other.json').id);
    expect(() => checkDistinct([{ flag: '--output', plan: plan('l.json') }], [join(dir, 'h.json')])).toThrow(/is the answers file of this run/);
    expect(() => checkDistinct([{ flag: '--output', plan: plan('new.json') }, { flag: '--save', plan: plan('./new.json') }], [])).toThrow(/--save .*: is also the --output file of this run/);
    expect(() => checkDistinct([{ flag: '--output', plan: plan('new.json') }, { flag: '--save', plan: plan('other.json') }], [join(dir, 'a.json')])).not.toThrow();
  });

  it('writes an existing FIFO or device in place, never replacing it', () => {
    const plan = planWrite('/dev/null', '--output');
    expect(plan.inPlace).toBe(true);
    expect(plan.target).toBe('/dev/null');
  });
});
