import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSavePath, DEFAULT_SAVE_PATH, expandHome } from '../../src/questionnaire/save-path.js';

describe('the save path', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mlflow-advisor-save-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('accepts a new or existing file in an existing directory', async () => {
    expect(await checkSavePath(join(tmp, 'new.json'))).toBe(true);
    writeFileSync(join(tmp, 'old.json'), '{}');
    expect(await checkSavePath(join(tmp, 'old.json'))).toBe(true);
  });

  it('explains a directory, a missing directory and an empty name', async () => {
    mkdirSync(join(tmp, 'dir'));
    expect(await checkSavePath(join(tmp, 'dir'))).toMatch(new RegExp(`is a directory; name a file in it, e\\.g\\. .*dir/${DEFAULT_SAVE_PATH}`));
    expect(await checkSavePath(join(tmp, 'nope', 'a.json'))).toMatch(/^No such directory: .*nope$/);
    expect(await checkSavePath('  ')).toMatch(/^Type a file name/);
  });

  it('expands ~/ as a shell would', () => {
    expect(expandHome('~/team.json', '/home/me')).toBe('/home/me/team.json');
    expect(expandHome(' team.json ', '/home/me')).toBe('team.json');
    expect(expandHome('a/~/b', '/home/me')).toBe('a/~/b');
  });
});
