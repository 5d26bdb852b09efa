// Reads an answers file (or standard input with `-`) defensively: size first, then bytes, then
// UTF-8, then JSON (or YAML for .yaml/.yml files, and for standard input that is not JSON);
// every failure is an InputError naming the file.
// node:net and node:tty are loaded where they are used (process.getBuiltinModule): most runs need neither.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, fstatSync, readSync } from 'node:fs';
import type { Catalog } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { InputError } from '../errors.js';
import { openToRead, unreadable } from '../util/open-file.js';
import { quote } from '../util/quote.js';
import { answersFromObject } from './resolve.js';

export const MAX_ANSWERS_BYTES = 1024 * 1024;
const LIMIT = `${MAX_ANSWERS_BYTES} bytes, 1 MiB`;
const STDIN = 'answers from standard input';
/** What answersFromObject names as expected for a YAML file, which must not speak of JSON. */
export const YAML_EXPECTED = 'a YAML mapping of answers by question id (like teamSize: small)';

export async function readAnswersFile(
  path: string,
  catalog: Catalog,
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<Partial<Answers>> {
  const { doc, where, yaml } = await readAnswersDocument(path, stdin);
  return answersFromObject(doc, where, catalog, yaml ? YAML_EXPECTED : undefined);
}

/** The parsed document of an answers file (or a team file), before its answers are checked. */
export async function readAnswersDocument(
  path: string,
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<{ doc: unknown; where: string; yaml: boolean }> {
  const where = path === '-' ? STDIN : path;
  // process.stdin only when read: creating it costs every other run time and memory.
  const bytes = path === '-' ? await readStdin(stdin ?? process.stdin) : await readPath(path);
  // What a good file looks like, in the file's own format (standard input may be either).
  const like = path === '-' ? 'JSON like {"teamSize": "small"} or YAML like teamSize: small' : /\.ya?ml$/i.test(path) ? 'YAML like teamSize: small' : 'JSON like {"teamSize": "small"}';
  // isUtf8 validates without ICU's decoder, which a start-up would otherwise load for one file.
  if (!isUtf8(bytes)) throw new InputError(`${where}: not UTF-8 text; an answers file is ${like}.`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new InputError(`${where}: looks binary; an answers file is ${like}.`);
  if (text.trim() === '') throw new InputError(`${where}: empty; an answers file is ${like}.`);
  let doc: unknown;
  const yaml = isYaml(path, text);
  if (yaml) {
    // The YAML parser is loaded only for YAML answers: JSON runs never pay for it.
    const { parseYamlAnswers } = await import('./answers-yaml.js');
    doc = parseYamlAnswers(text, where);
  } else {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      // YAML in a file named otherwise (team.txt) is read as JSON: say how to have it read as YAML.
      const hint = looksLikeYaml(text) ? ' It looks like YAML: name the file .yaml or .yml.' : '';
      throw new InputError(`${where}: not valid JSON (${jsonProblem(e, text)}).${hint}`);
    }
    // JSON.parse keeps the last of two equal keys without a word; a file that says two things is refused.
    // Only an object can be answers (anything else is refused below), so only then is it scanned.
    const twice = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? duplicateJsonKey(text) : undefined;
    if (twice) throw new InputError(`${where}: the key ${quote(twice.key)} appears twice (${lineColumn(text, twice.offset)}); give each answer once.`);
  }
  return { doc, where, yaml };
}

/** YAML by extension; standard input is JSON when it starts like JSON, YAML otherwise. */
export function isYaml(path: string, text: string): boolean {
  if (path === '-') return !/^\s*[{[]/.test(text);
  return /\.ya?ml$/i.test(path);
}

/** A first line of content like `teamSize: small` or `- python`: YAML, not JSON. */
const looksLikeYaml = (text: string) => /^(?:\s*(?:#.*)?\n)*\s*(?:[A-Za-z][\w-]*\s*:(?:\s|$)|-\s|---)/.test(text);

/**
 * V8's JSON.parse message, with the line and column a person editing the file looks for, worked
 * out here (newer V8 words its own "(line 4 column 1)", older V8 none).
 */
function jsonProblem(e: unknown, text: string): string {
  const detail = (e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : String(e)).replace(/ \(line \d+ column \d+\)/, '');
  const at = /at position (\d+)/.exec(detail);
  if (!at) return detail;
  return `${detail}: ${lineColumn(text, Number(at[1]))}`;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The first key that an object of valid JSON `text` repeats, in one pass: a set of keys per open
 * object, each string read once. Escapes are compared decoded (`"\u0074eamSize"` is `teamSize`).
 */
export function duplicateJsonKey(text: string): { key: string; offset: number } | undefined {
  const open: (Set<string> | undefined)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) open.push(new Set());
    else if (c === 0x5b) open.push(undefined);
    else if (c === 0x7d || c === 0x5d) open.pop();
    else if (c === 0x22) {
      const start = i;
      for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      const keys = open[open.length - 1];
      if (keys === undefined) continue;
      let next = i + 1;
      while (isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) !== 0x3a) continue;
      const raw = text.slice(start + 1, i);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
    }
  }
  return undefined;
}

async function readPath(path: string): Promise<Uint8Array> {
  if (path === '') throw new InputError('--answers: needs a file name, or - for standard input.');
  const { fd, info } = openToRead(path, ANSWERS_FILE, MAX_ANSWERS_BYTES);
  // Only a device can be a terminal (and asking loads node:tty, which a file does not need).
  if (info.isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(fd)) {
    closeSync(fd);
    throw new InputError(`${path}: is a terminal; give a file, or pipe the answers in with --answers -.`);
  }
  // A regular file is read here and now; pipes wait for data without a thread; devices are read
  // in chunks. A stream owns the descriptor. The cap applies while reading: devices (/dev/zero)
  // report no size, and a file can grow after it was measured.
  const stream = info.isFile() ? undefined : info.isFIFO() ? new (process.getBuiltinModule('node:net').Socket)({ fd, readable: true, writable: false }) : createReadStream(path, { fd });
  try {
    return await readCapped(stream ?? fileChunks(fd), path);
  } catch (e) {
    throw e instanceof InputError ? e : fileError(path, e);
  } finally {
    if (stream) stream.destroy();
    else closeSync(fd);
  }
}

function* fileChunks(fd: number): Generator<Uint8Array> {
  const buffer = Buffer.alloc(64 * 1024);
  // readCapped copies each chunk before the next read reuses the buffer.
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
}

const ANSWERS_FILE = { name: 'answers file', a: 'an answers file' };
const fileError = (path: string, e: unknown) => unreadable(path, e, ANSWERS_FILE);

async function readStdin(stdin: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  // Node reads a directory on standard input as empty; say what it is instead.
  if (stdin === process.stdin && isDirectoryFd(0)) throw new InputError('--answers -: standard input is a directory, not answers.');
  return readCapped(stdin, STDIN);
}

function isDirectoryFd(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

async function readCapped(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>, where: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const b = Buffer.from(chunk);
    size += b.length;
    if (size > MAX_ANSWERS_BYTES) throw new InputError(`${where}: more than ${MAX_ANSWERS_BYTES} bytes is too large for answers (limit ${LIMIT}).`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
