/**
 * vitest globalSetup: prepares one database the way `npm start` does (schema, regions, aliases,
 * catalogues) with the administrator account, once per run. Each seededApp() starts from a copy
 * of it instead of preparing a database and hashing a password (scrypt, ~1 s on a busy machine)
 * again, for every suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createUser } from '../../src/auth/users.js';
import { openPrepared } from '../../src/cli/open.js';
import { loadConfig } from '../../src/config.js';
import { TEST_PASSWORD } from './accounts.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The prepared database file that seededApp() copies. */
    seededDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-seeded-'));
  const file = path.join(dir, 'seeded.duckdb');
  const store = await openPrepared(loadConfig({ TAIZHANG_DB: file }));
  // The account signIn(store, 'admin', 'admin') would make.
  await createUser(
    store,
    { username: null, ref: null, ip: null },
    { username: 'admin', role: 'admin', departments: null, password: TEST_PASSWORD },
  );
  await store.close();
  project.provide('seededDatabase', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
