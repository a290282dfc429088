// Reads what a person would see in a rendered page: a field's value, the message beside it, the page's alerts.

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);

/** The `<input>` (or `<select>`) tag for a form field name, or null when the page has none. */
export function fieldTag(html: string, name: string): string | null {
  const re = new RegExp(`<(input|select)\\b[^>]*\\bname="${name}"[^>]*>`);
  return html.match(re)?.[0] ?? null;
}

/** The value an input shows (undefined when it has no value attribute). */
export function fieldValue(html: string, name: string): string | undefined {
  const tag = fieldTag(html, name);
  if (!tag) throw new Error(`no field named ${name} in the page`);
  const value = tag.match(/\bvalue="([^"]*)"/)?.[1];
  return value === undefined ? undefined : decode(value);
}

/** The option a select shows as chosen. */
export function selectedOption(html: string, name: string): string | undefined {
  const start = html.search(new RegExp(`<select\\b[^>]*\\bname="${name}"`));
  if (start < 0) throw new Error(`no select named ${name} in the page`);
  const select = html.slice(start, html.indexOf("</select>", start));
  const value = select.match(/<option value="([^"]*)" selected/)?.[1];
  return value === undefined ? undefined : decode(value);
}

/** The error message shown beside a field (in the same form group, right after it), or null. */
export function fieldError(html: string, name: string): string | null {
  const start = html.search(new RegExp(`<(input|select)\\b[^>]*\\bname="${name}"`));
  if (start < 0) throw new Error(`no field named ${name} in the page`);
  const rest = html.slice(start);
  const groupEnd = rest.search(/<div class="mb-3">|<\/form>/);
  const group = groupEnd < 0 ? rest : rest.slice(0, groupEnd);
  const message = group.match(/<div class="invalid-feedback"[^>]*>([^<]*)<\/div>/)?.[1];
  return message === undefined ? null : decode(message);
}

/** Texts of the page's alert boxes (form errors, notices). */
export function alerts(html: string): string[] {
  return [...html.matchAll(/<div class="alert [^"]*" role="(?:alert|status)">([^<]*)<\/div>/g)].map((m) =>
    decode(m[1]!.trim()),
  );
}

/** The page's main heading. */
export function heading(html: string): string | null {
  const m = html.match(/<h1[^>]*>([^<]*)<\/h1>/);
  return m ? decode(m[1]!.trim()) : null;
}
