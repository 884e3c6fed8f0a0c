import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Role } from '../../src/auth/roles.js';
import { openPrepared } from '../../src/cli/open.js';
import { loadConfig } from '../../src/config.js';
import { Store } from '../../src/store/store.js';
import { clientFor, signIn } from './accounts.js';
import { collectingLogger } from './log.js';

export interface TempStore {
  store: Store;
  dir: string;
  file: string;
  cleanup: () => Promise<void>;
}

/**
 * A real DuckDB file in a fresh temp dir, removed by cleanup(). `prepared`: loaded as `npm start`
 * loads it, with the administrator account — a copy of the database the run prepared once
 * (test/helpers/seeded-template.ts), or, outside vitest's setup, prepared here.
 */
export async function tempStore({ prepared = false } = {}): Promise<TempStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-test-'));
  const file = path.join(dir, 'test.duckdb');
  const seeded = prepared ? inject('seededDatabase') : undefined;
  if (seeded) copyFileSync(seeded, file);
  const store =
    prepared && !seeded ? await openPrepared(loadConfig({ TAIZHANG_DB: file })) : await Store.open(file);
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

/**
 * A temp store loaded like `npm start` loads it (aliases and seeds/*.catalog.json), and the app on
 * it. `app` requests as a signed-in administrator's page would (cookie, origin, CSRF token);
 * `hono` is the bare app, for anonymous requests and other accounts (`as`).
 */
export async function seededApp(env: Record<string, string> = {}) {
  const temp = await tempStore({ prepared: true });
  const config = loadConfig({ TAIZHANG_DB: temp.file, ...env });
  const { logger, lines, errors } = collectingLogger();
  const hono = createApp({ store: temp.store, config, logger });
  const admin = await signIn(temp.store, 'admin', 'admin');
  const as = async (username: string, role: Role, departments: string[] | null = null) =>
    clientFor(hono, await signIn(temp.store, username, role, departments));
  return { ...temp, app: clientFor(hono, admin), hono, admin, as, errors, log: lines };
}
