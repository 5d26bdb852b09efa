// Markup built with a tagged template that escapes every value it is given, so no text from the
// result, the catalog or an answers file can become markup by accident; only markup made by `h`
// itself passes through unescaped.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Markup that `h` has already escaped. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

const piece = (v: Value): string =>
  v instanceof Html ? v.text : Array.isArray(v) ? v.map(piece).join('') : v === null || v === undefined || v === false ? '' : escapeHtml(String(v));

/** `h\`<p>${text}</p>\``: values are escaped; Html values and lists of them are inserted as they are. */
export function h(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** A number for a style attribute: plain decimal, never an exponent or NaN. */
export const cssNumber = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '0');
