// Named pipes for tests of reading and writing through them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

export function mkfifo(dir: string, name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status, 'mkfifo').toBe(0);
  return path;
}
