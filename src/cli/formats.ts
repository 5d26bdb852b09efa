// The output formats of `recommend`, and the names people type for them.
import { InputError } from '../errors.js';
import { quote } from '../util/quote.js';
import { didYouMean } from '../util/suggest.js';

export const FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Other names people type for a format. */
const ALIASES: Record<string, Format> = { md: 'markdown' };

/** `--format`'s value, in any case, or an alias (`md`); anything else is refused with the choices. */
export function parseFormat(raw: string): Format {
  const v = raw.trim().toLowerCase();
  const format = FORMATS.find((f) => f === v) ?? ALIASES[v];
  if (format !== undefined) return format;
  throw new InputError(`--format: ${quote(raw)} is not a format; use one of: ${FORMATS.join(', ')} (or md for markdown).${didYouMean(v, FORMATS)}`);
}
