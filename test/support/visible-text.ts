// What a person sees or hears of a page: its text, plus the attributes shown or read aloud (title, placeholder,
// aria-label, alt), the words page scripts show later (data-text-*, data-form-text, the ui-words meta) and the
// buttons' values. Code samples (<code>, <pre>, <kbd>) and scripts are not language, so they are left out.
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const SHOWN_ATTRIBUTES = /\s(?:title|placeholder|aria-label|alt|data-text-[a-z-]+|data-form-text)="([^"]*)"/g;

export function visibleText(html: string): string {
  const pieces: string[] = [];
  const uiWords = /<meta name="ui-words" content="([^"]*)"/.exec(html)?.[1];
  if (uiWords) pieces.push(...Object.values(JSON.parse(decode(uiWords)) as Record<string, string>));
  const body = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|code|pre|kbd|samp)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<head\b[\s\S]*?<\/head>/i, (head) => head.match(/<title>[\s\S]*?<\/title>/i)?.[0] ?? " ");
  for (const tag of body.match(/<[a-z][^>]*>/gi) ?? []) {
    for (const m of tag.matchAll(SHOWN_ATTRIBUTES)) pieces.push(m[1]!);
    if (/^<(input|button)\b/i.test(tag) && /\stype="(submit|button|reset)"/i.test(tag))
      pieces.push(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  pieces.push(body.replace(/<[^>]*>/g, " "));
  return decode(pieces.join(" ")).replace(/\s+/g, " ").trim();
}

/** The text with each of the member's own entries (chit names, emails, references...) taken out. */
export function withoutOwnData(text: string, own: readonly string[]): string {
  let out = text;
  for (const entry of [...own].sort((a, b) => b.length - a.length)) if (entry) out = out.split(entry).join(" ");
  return out;
}
