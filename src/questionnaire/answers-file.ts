// Reads an answers file (or standard input with `-`) defensively: size first, then bytes, then
// UTF-8, then JSON (or YAML for .yaml/.yml files, and for standard input that is not JSON);
// every failure is an InputError naming the file.
import { readFile, stat } from 'node:fs/promises';
import type { Catalog } from '../catalog/schema.js';
import type { Answers } from '../engine/types.js';
import { InputError } from '../errors.js';
import { answersFromObject } from './resolve.js';

export const MAX_ANSWERS_BYTES = 1024 * 1024;

export async function readAnswersFile(
  path: string,
  catalog: Catalog,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<Partial<Answers>> {
  const where = path === '-' ? 'answers from standard input' : path;
  const bytes = path === '-' ? await readStdin(stdin) : await readPath(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${where}: not UTF-8 text; an answers file is JSON like {"teamSize": "small"}.`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new InputError(`${where}: looks binary; an answers file is JSON like {"teamSize": "small"}.`);
  if (text.trim() === '') throw new InputError(`${where}: empty; an answers file is JSON like {"teamSize": "small"}.`);
  let doc: unknown;
  if (isYaml(path, text)) {
    // The YAML parser is loaded only for YAML answers: JSON runs never pay for it.
    const { parseYamlAnswers } = await import('./answers-yaml.js');
    doc = parseYamlAnswers(text, where);
  } else {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const detail = e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : String(e);
      throw new InputError(`${where}: not valid JSON (${detail}).`);
    }
  }
  return answersFromObject(doc, where, catalog);
}

/** YAML by extension; standard input is JSON when it starts like JSON, YAML otherwise. */
export function isYaml(path: string, text: string): boolean {
  if (path === '-') return !/^\s*[{[]/.test(text);
  return /\.ya?ml$/i.test(path);
}

async function readPath(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fileError(path, e);
  }
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not an answers file.`);
  if (info.size > MAX_ANSWERS_BYTES) {
    throw new InputError(`${path}: ${info.size} bytes is too large for an answers file (limit ${MAX_ANSWERS_BYTES}).`);
  }
  try {
    return await readFile(path);
  } catch (e) {
    throw fileError(path, e);
  }
}

function fileError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new InputError(`${path}: no such answers file.`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${path}: permission denied.`);
  if (code === 'EISDIR') return new InputError(`${path}: is a directory, not an answers file.`);
  return new InputError(`${path}: cannot be read (${code ?? String(e)}).`);
}

async function readStdin(stdin: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += b.length;
    if (size > MAX_ANSWERS_BYTES) throw new InputError(`standard input: more than ${MAX_ANSWERS_BYTES} bytes is too large for answers.`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
