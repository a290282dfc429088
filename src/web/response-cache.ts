// Finished answers (status, type and the bytes as sent, already compressed) kept in memory, least recently used out
// first within a byte budget. One per web app, handed to routes through the request context (never a module global),
// so every app instance and every test has its own. What a key must contain is the business of whoever stores.

export type CachedResponse = {
  contentType: string;
  /** "br", "gzip" or null for bytes sent as they are. */
  encoding: "br" | "gzip" | null;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
};

export type ResponseCache = {
  get(key: string): CachedResponse | undefined;
  set(key: string, value: CachedResponse): void;
  /**
   * The answer another request is making for this key right now (undefined when none is): 50 requests arriving
   * together for one page make it once and share it, instead of 50 renders and 50 compressions at once.
   */
  pending(key: string): Promise<CachedResponse | undefined> | undefined;
  /** Says this request makes the key's answer; call the function returned with it (undefined: none came) when done. */
  making(key: string): (made: CachedResponse | undefined) => void;
  /** Bytes held now (bodies and keys), for tests and metrics. */
  size(): number;
};

/** An LRU map of responses holding at most `maxBytes` of bodies and keys; 0 keeps nothing. */
export function responseCache(maxBytes: number): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  const inFlight = new Map<string, Promise<CachedResponse | undefined>>();
  let bytes = 0;
  const weight = (key: string, value: CachedResponse) => key.length * 2 + value.body.byteLength + 200;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= weight(key, old);
  };
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        // Most recently used goes last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      drop(key);
      const w = weight(key, value);
      if (w > maxBytes / 4) return; // one answer may not push out most of the others
      while (bytes + w > maxBytes && entries.size > 0) drop(entries.keys().next().value!);
      entries.set(key, value);
      bytes += w;
    },
    pending: (key) => inFlight.get(key),
    making(key) {
      let finish: (made: CachedResponse | undefined) => void = () => {};
      const promise = new Promise<CachedResponse | undefined>((resolve) => {
        finish = resolve;
      });
      inFlight.set(key, promise);
      return (made) => {
        if (inFlight.get(key) === promise) inFlight.delete(key);
        finish(made);
      };
    },
    size: () => bytes,
  };
}
