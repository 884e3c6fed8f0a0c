import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { openPrepared } from '../../src/cli/open.js';
import { loadConfig } from '../../src/config.js';
import { Store } from '../../src/store/store.js';

export interface TempStore {
  store: Store;
  dir: string;
  file: string;
  cleanup: () => Promise<void>;
}

/** A real DuckDB file in a fresh temp dir, removed by cleanup(). */
export async function tempStore({ prepared = false } = {}): Promise<TempStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-test-'));
  const file = path.join(dir, 'test.duckdb');
  const store = prepared ? await openPrepared(loadConfig({ TAIZHANG_DB: file })) : await Store.open(file);
  return {
    store,
    dir,
    file,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temp store loaded like `npm start` loads it (aliases and seeds/*.catalog.json), and the app on it. */
export async function seededApp() {
  const temp = await tempStore({ prepared: true });
  const config = loadConfig({ TAIZHANG_DB: temp.file });
  const errors: unknown[] = [];
  const app = createApp({ store: temp.store, config, log: (_m, e) => errors.push(e) });
  return { ...temp, app, errors };
}
