import type { Store } from '../store/store.js';

/**
 * Results kept per data version: every commit, withdrawal or catalogue change bumps the version, so
 * a page's figures and charts are computed once per version and served from memory until then.
 */
export class VersionCache {
  #version = -1;
  #entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly limit = 300,
  ) {}

  /** The current data version (one cheap query). */
  async version(): Promise<number> {
    const row = await this.store.one<{ version: number }>('meta/data_version');
    return row?.version ?? 0;
  }

  /** The value for `key` at the current data version, computing it once. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; version: number }> {
    const version = await this.version();
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    let entry = this.#entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value as string);
      entry = compute();
      this.#entries.set(key, entry);
      // A failed computation is not kept.
      entry.catch(() => this.#entries.delete(key));
    }
    return { value: await entry, version };
  }
}
