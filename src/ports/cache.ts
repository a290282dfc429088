// An instance's own small cache (in memory): a use case keeps what it built and checks it against the store before
// trusting it, so a cache never decides what is true. Made in compose.ts and handed in, never a module's global.
export interface Cache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}
