import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';

describe('store: every migration survives a crash before it is checkpointed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-wal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replays the whole schema from the write-ahead log after kill -9', async () => {
    const db = path.join(dir, 'wal.duckdb');
    const child = spawnSync(process.execPath, [
      '--import',
      'tsx',
      'test/store/children/migrate-and-die.ts',
      db,
    ]);
    expect(child.signal).toBe('SIGKILL');
    // DuckDB 1.5 cannot replay some DDL (ALTER TABLE … ADD COLUMN of a list type): a migration that
    // uses it would leave a database that no longer opens after a crash.
    const store = await Store.open(db);
    try {
      expect(await store.one('meta/data_version')).toEqual({ version: 0 });
      expect(await store.all('reference/regions')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('leaves a migration killed before its commit entirely absent, and applies it on the next start', async () => {
    const db = path.join(dir, 'mid.duckdb');
    const child = spawnSync(process.execPath, [
      '--import',
      'tsx',
      'test/store/children/die-mid-migration.ts',
      db,
      '6',
    ]);
    expect(child.signal, child.stderr.toString()).toBe('SIGKILL');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(db);
    const raw = await instance.connect();
    const versions = (
      await raw.runAndReadAll('SELECT version FROM schema_migration ORDER BY version')
    ).getRowsJS();
    const tables = (
      await raw.runAndReadAll("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'app_user'")
    ).getRowsJS();
    expect(versions.map(([v]) => Number(v))).toEqual([1, 2, 4, 5]);
    expect(Number(tables[0]?.[0])).toBe(0);
    raw.closeSync();
    instance.closeSync();
    const store = await Store.open(db);
    try {
      expect(await store.all('auth/user_count')).toEqual([{ n: 0 }]);
    } finally {
      await store.close();
    }
  });
});
