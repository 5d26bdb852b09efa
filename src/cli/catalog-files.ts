// --catalog FILE (and `catalog` in an answers file): reads each file defensively (a regular file,
// size first, UTF-8, then JSON or YAML) and applies them in order to the built-in catalog. The
// schema checks load only when a catalog is given (src/catalog/overlay.ts, with zod).
import { isUtf8 } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalog as builtIn } from '../catalog/catalog.js';
import type { Catalog } from '../catalog/schema.js';
import { InputError } from '../errors.js';
import { openToRead, unreadable } from '../util/open-file.js';
import { quote } from '../util/quote.js';

export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

/** Catalogs shipped with the package, usable by name: `--catalog landscape`. */
export const SHIPPED_CATALOGS: Record<string, string> = { landscape: 'examples/landscape.yaml' };

/** The package's root: dist/ (the bundles) or src/cli (tests run the sources) sit one or two levels below it. */
function packageRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return /[\\/]src[\\/]cli$/.test(here) ? join(here, '..', '..') : join(here, '..');
}

/** Where a --catalog value points: a shipped catalog's name, or a path (relative to `base`, the answers file's folder). */
export function catalogPath(value: string, base?: string): string {
  const shipped = SHIPPED_CATALOGS[value];
  if (shipped) return join(packageRoot(), shipped);
  return base === undefined ? value : resolve(base, value);
}

/**
 * The `catalog` key of an answers document (one path or a list), as paths resolved against the
 * answers file's folder; the document comes back without it, for the answer checks.
 */
export function takeCatalogRefs(doc: unknown, where: string, path: string): { doc: unknown; refs: string[] } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !Object.hasOwn(doc, 'catalog')) return { doc, refs: [] };
  const { catalog: raw, ...rest } = doc as Record<string, unknown>;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0 || list.some((x) => typeof x !== 'string' || x.trim() === '')) {
    throw new InputError(`${where}: catalog: expected a catalog file's path or a list of them (relative to this file), got ${typeof raw === 'string' ? quote(raw) : JSON.stringify(raw)}.`);
  }
  const base = path === '-' ? process.cwd() : dirname(resolve(path));
  return { doc: rest, refs: (list as string[]).map((p) => catalogPath(p.trim(), base)) };
}

/** Reads one catalog file's document (JSON, or YAML for .yaml/.yml and anything that does not start like JSON). */
export async function readCatalogDocument(path: string): Promise<unknown> {
  if (path === '') throw new InputError('--catalog: needs a file name (JSON or YAML), or landscape for the example shipped with the package.');
  const { fd, info } = openToRead(path, CATALOG_FILE, MAX_CATALOG_BYTES, shippedHint(path));
  let bytes: Buffer;
  try {
    // A FIFO, a device or a terminal: nothing a catalog is kept in, and each could hold the run.
    if (!info.isFile()) throw new InputError(`${path}: not a regular file; a catalog is a JSON or YAML file.`);
    bytes = Buffer.alloc(info.size + 1);
    let n = 0;
    for (let k = 1; k > 0 && n < bytes.length; n += k) k = readSync(fd, bytes, n, bytes.length - n, null);
    // The file grew after it was measured: what it is now was not checked.
    if (n > info.size) throw new InputError(`${path}: changed while it was read; try again.`);
    bytes = bytes.subarray(0, n);
  } catch (e) {
    throw e instanceof InputError ? e : readError(path, e);
  } finally {
    closeSync(fd);
  }
  if (!isUtf8(bytes)) throw new InputError(`${path}: not UTF-8 text; a catalog file is JSON or YAML.`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InputError(`${path}: empty; a catalog file has tools, override or exclude (mlflow-advisor schema catalog).`);
  if (/\.json$/i.test(path) || (!/\.ya?ml$/i.test(path) && /^\s*[{[]/.test(text))) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new InputError(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  // The YAML parser is loaded only for YAML catalogs.
  const { parseYamlAnswers } = await import('../questionnaire/answers-yaml.js');
  return parseYamlAnswers(text, path);
}

const CATALOG_FILE = { name: 'catalog file', a: 'a catalog file' };
/** Where a bare name is no file, the shipped catalogs it may have meant. */
const shippedHint = (path: string) => (path.includes('/') || path.includes('.') ? '' : ` (shipped catalogs: ${Object.keys(SHIPPED_CATALOGS).join(', ')})`);
const readError = (path: string, e: unknown) => unreadable(path, e, CATALOG_FILE, shippedHint(path));

/** The built-in catalog with each file applied in order (the same file twice counts once). */
export async function loadCatalog(paths: readonly string[], base: Catalog = builtIn): Promise<Catalog> {
  const unique = [...new Map(paths.map((p) => [resolve(p), p])).values()];
  if (unique.length === 0) return base;
  const files = [];
  for (const p of unique) files.push({ doc: await readCatalogDocument(p), where: p });
  const { withCatalogFiles, CatalogFileError } = await import('../catalog/overlay.js');
  try {
    return withCatalogFiles(base, files);
  } catch (e) {
    if (e instanceof CatalogFileError) throw new InputError(e.message);
    throw e;
  }
}

/** The catalog a command runs on: the built-in one, with --catalog files (a value given once is a string). */
export async function catalogFromFlag(value: string | string[] | undefined): Promise<Catalog> {
  return loadCatalog(value === undefined ? [] : [value].flat().map((v) => catalogPath(v)));
}
