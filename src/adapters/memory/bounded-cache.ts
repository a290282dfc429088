// A Cache in this instance's memory holding at most `limit` entries: the one used longest ago goes first.
import type { Cache } from "../../ports/cache.ts";

export function boundedCache<V>(limit: number): Cache<V> {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
  };
}
