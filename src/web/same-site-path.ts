// Redirect targets taken from a request (`next`, Referer) are kept only when they are a path on this site.

/**
 * `value` as a path on this site ("/chits/1?x=2"), or `fallback`. Refused: anything not starting with one "/", any
 * backslash or control character (browsers drop tabs and newlines, so "/\t/evil.example" would become
 * "//evil.example"), and anything that resolves to another origin.
 */
export function sameSitePath(value: string | null | undefined, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  const base = "http://same-site.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}

/** The path of a same-site Referer (for "back where you were"), or `fallback`. */
export function refererPath(referer: string | undefined, ownOrigin: string, fallback: string): string {
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    return url.origin === ownOrigin ? sameSitePath(url.pathname + url.search, fallback) : fallback;
  } catch {
    return fallback;
  }
}
