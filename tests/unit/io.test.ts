// Output goes to the descriptors with synchronous writes (src/cli/io.ts): nothing may be lost
// when the descriptor is non-blocking and full, and a reader that left is not an error.
import { spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fdSink } from '../../src/cli/io.js';
import { mkfifo } from '../helpers/fifo.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlflow-advisor-io-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fifo = (name: string) => mkfifo(dir, name);

describe('fdSink', () => {
  it('writes everything to a full non-blocking pipe, waiting while the reader catches up', async () => {
    const path = fifo('slow');
    const out = join(dir, 'out');
    // A reader that starts late, so the pipe fills and writes meet EAGAIN first.
    const reader = spawn('sh', ['-c', 'sleep 0.3; cat "$0" > "$1"', path, out]);
    const done = new Promise((resolve) => reader.on('exit', resolve));
    let fd: number | undefined;
    // Opening a FIFO for writing without blocking needs its reader to have opened it.
    for (let i = 0; i < 200 && fd === undefined; i++) {
      try {
        fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch {
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    expect(fd).toBeDefined();
    const text = 'x'.repeat(1023) + '\n';
    const sink = fdSink(fd!, 'test output');
    for (let i = 0; i < 1024; i++) sink.write(text); // 1 MiB, far more than a pipe holds
    closeSync(fd!);
    await done;
    expect(readFileSync(out, 'utf8')).toBe(text.repeat(1024));
  });

  it('drops output quietly once the reader has gone (EPIPE), and throws other failures by name', () => {
    const path = fifo('gone');
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const fd = openSync(path, constants.O_WRONLY);
    closeSync(reader);
    const sink = fdSink(fd, 'standard output');
    expect(sink.write('lost\n')).toBe(true);
    expect(sink.closed).toBe(true);
    expect(sink.write('also lost\n')).toBe(true);
    closeSync(fd);
    const full = openSync('/dev/full', 'w');
    expect(() => fdSink(full, 'standard output').write('x')).toThrow(/^standard output: ENOSPC/);
    closeSync(full);
  });
});
