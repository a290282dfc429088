// Turns what the MongoDB driver throws while connecting into one of the problems people really meet with Atlas, so
// that start-up and `chitfunds doctor` can say in plain words what is wrong and how to fix it.
import type { StoreProblem } from "../../ports/store-health.ts";

type ErrorLike = {
  name?: string;
  message?: string;
  code?: unknown;
  codeName?: unknown;
  cause?: unknown;
  reason?: unknown;
};

/** The host part of a MongoDB URI with any user name and password removed. */
export function hostsOf(uri: string): string {
  return /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri)?.[1] ?? "(unparseable MONGODB_URI)";
}

/** The user name in a MongoDB URI (percent-decoded), or null. */
export function userOf(uri: string): string | null {
  const userInfo = /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(uri)?.[1];
  if (!userInfo) return null;
  const name = userInfo.split(":")[0] ?? "";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * True when the password in the URI holds a character that must be percent-encoded (@ : / ? # [ ] %), e.g. "p@ss"
 * written as-is: the driver then reads part of the password as the host, or refuses the string.
 */
export function passwordNeedsEncoding(uri: string): boolean {
  const rest = /^mongodb(?:\+srv)?:\/\/(.*)$/.exec(uri)?.[1];
  if (!rest) return false;
  const hostStart = rest.search(/[/?]/);
  const authority = hostStart === -1 ? rest : rest.slice(0, hostStart);
  const at = authority.lastIndexOf("@");
  if (at === -1) {
    // "user:pa/ss@host": the slash cut the authority short; an @ after it still means credentials were meant.
    return /^[^@]*:[^@]*[/?#][^@]*@/.test(rest);
  }
  const userInfo = authority.slice(0, at);
  const colon = userInfo.indexOf(":");
  const password = colon === -1 ? "" : userInfo.slice(colon + 1);
  return authority.indexOf("@") !== at || /[:/?#[\]]/.test(password) || /%(?![0-9A-Fa-f]{2})/.test(password);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Every message in the error, its cause chain and (for server selection) each server's own error. */
function messagesIn(error: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown) => {
    if (!e || seen.has(e)) return;
    seen.add(e);
    out.push(messageOf(e));
    const like = e as ErrorLike;
    visit(like.cause);
    const servers = (like.reason as { servers?: Map<string, { error?: unknown }> } | undefined)?.servers;
    if (servers instanceof Map) for (const server of servers.values()) visit(server.error);
  };
  visit(error);
  return out;
}

/** What went wrong, from the driver's error while connecting to `uri` (never quoting the password). */
export function connectionProblem(error: unknown, uri: string, timeoutSeconds: number): StoreProblem {
  const host = hostsOf(uri);
  const like = (error ?? {}) as ErrorLike;
  const text = messagesIn(error).join(" | ");
  const encode = passwordNeedsEncoding(uri);
  if (
    like.name === "MongoParseError" ||
    like.name === "MongoAPIError" ||
    /Invalid connection string|Password contains unescaped/i.test(text)
  ) {
    return { code: "mongodb-uri-invalid", host, detail: redact(messageOf(error), uri), passwordNeedsEncoding: encode };
  }
  if (/querySrv|querytxt|ENOTFOUND|EAI_AGAIN|ESERVFAIL|getaddrinfo/i.test(text)) {
    return { code: "mongodb-dns-failed", host, srv: uri.startsWith("mongodb+srv://") };
  }
  if (like.code === 18 || like.codeName === "AuthenticationFailed" || /auth(entication)? failed|bad auth/i.test(text)) {
    return { code: "mongodb-auth-failed", host, user: userOf(uri) ?? "", passwordNeedsEncoding: encode };
  }
  if (/ECONNREFUSED/.test(text)) return { code: "mongodb-connection-refused", host };
  if (
    like.name === "MongoServerSelectionError" ||
    like.name === "MongoNetworkTimeoutError" ||
    /timed out|ETIMEDOUT|TLS|socket/i.test(text)
  ) {
    return {
      code: "mongodb-unreachable",
      host,
      seconds: timeoutSeconds,
      atlas: /mongodb\.net/i.test(host) || uri.startsWith("mongodb+srv://"),
    };
  }
  return { code: "mongodb-failed", host, detail: redact(messageOf(error), uri) };
}

/** Removes credentials from any text that might quote the URI (driver errors sometimes do). */
export function redact(text: string, uri: string): string {
  const credentials = /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(uri)?.[1];
  let out = text.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/g, "$1***@");
  if (credentials) {
    for (const part of credentials.split(":")) if (part.length >= 3) out = out.split(part).join("***");
  }
  return out;
}
