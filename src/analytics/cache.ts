import type { Store } from '../store/store.js';

/**
 * Results kept per data version: every commit, withdrawal or catalogue change bumps the version, so
 * a page's figures and charts are computed once per version and served from memory until then.
 */
export class VersionCache {
  #version = -1;
  #entries = new Map<string, Promise<unknown>>();
  /** The store's commit count when the version was last read. */
  #seenCommits = -1;

  constructor(
    private readonly store: Store,
    private readonly limit = 300,
  ) {}

  /** The current data version, read from the database only after this process committed something. */
  async version(): Promise<number> {
    const commits = this.store.commits;
    if (commits !== this.#seenCommits) {
      const row = await this.store.one<{ version: number }>('meta/data_version');
      // Read after the count was taken, so this version covers at least those commits.
      this.#seenCommits = commits;
      const version = row?.version ?? 0;
      if (version !== this.#version) {
        this.#entries.clear();
        this.#version = version;
      }
    }
    return this.#version;
  }

  /** The value for `key` at the current data version, computing it once. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; version: number }> {
    const version = await this.version();
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
