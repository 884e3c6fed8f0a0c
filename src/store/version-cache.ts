import { LRUCache } from 'lru-cache';
import type { Store } from './store.js';

/**
 * Results kept per data version: every commit, withdrawal or catalogue change bumps the version, so
 * a computed result (an overview's figures) is computed once per version and served from memory
 * until then. At most `maxEntries` results are kept, the least recently used going first.
 */
export class VersionCache {
  #version = -1;
  #entries: LRUCache<string, Promise<unknown>>;
  /** The store's commit count when the version was last read. */
  #seenCommits = -1;

  constructor(
    private readonly store: Store,
    { maxEntries = 300 } = {},
  ) {
    this.#entries = new LRUCache({ max: maxEntries });
  }

  /** The current data version, read from the database only after this process committed something. */
  async version(): Promise<number> {
    const commits = this.store.commits;
    if (commits !== this.#seenCommits) {
      const version = await dataVersion(this.store);
      // Read after the count was taken, so this version covers at least those commits.
      this.#seenCommits = commits;
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
      entry = compute();
      this.#entries.set(key, entry);
      // A failed computation is not kept.
      entry.catch(() => this.#entries.delete(key));
    }
    return { value: await entry, version };
  }
}

/** The data version the database holds now: bumped by every change of data. */
export async function dataVersion(store: Store): Promise<number> {
  return (await store.one<{ version: number }>('meta/data_version'))?.version ?? 0;
}
