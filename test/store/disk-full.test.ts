import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegions } from '../../src/catalog/regions.js';
import { openPrepared } from '../../src/cli/open.js';
import { loadConfig } from '../../src/config.js';
import { importFile } from '../../src/ingest/import.js';
import { Store, StoreError } from '../../src/store/store.js';
import { syntheticDataset } from '../bench/generate.js';
import { codes } from '../helpers/jilin-codes.js';

/**
 * The database on a small tmpfs that the test mounts itself, filled by a large commit. Mounting
 * needs root (as CI runs); elsewhere the test stops and says so rather than skipping.
 */
describe('store: the disk fills up during a commit', () => {
  const mountDir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-full-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-full-data-'));
  let mounted = false;
  beforeAll(() => {
    if (process.getuid?.() !== 0) {
      throw new Error('磁盘写满测试需要挂载一个小的 tmpfs，须以 root 运行：sudo npm test');
    }
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountDir]);
    mounted = true;
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountDir]);
    rmSync(mountDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers with a clear error, keeps the earlier data, and opens again', async () => {
    const db = path.join(mountDir, 'full.duckdb');
    const { regionsFile, file } = await syntheticDataset(dataDir, 600_000, await codes());
    let store = await openPrepared(loadConfig({ TAIZHANG_DB: db, TAIZHANG_MIN_FREE_MB: '1' }));
    await loadRegions(store, regionsFile);
    const small = path.join(dataDir, 'small.csv');
    writeFileSync(small, '指标编码,统计期,数值\n2021-T10-1,2021-06,29000\n2021-T10-2,2021-06,80000\n');
    expect((await importFile(store, small, { fileName: 'small.csv', by: 'test' })).status).toBe('committed');

    const failure = await importFile(store, file, { fileName: 'big.csv', by: 'test' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toContain('磁盘空间不足');
    expect(await store.one('meta/counts')).toMatchObject({ actuals: 2, committed_uploads: 1 });
    await store.close().catch(() => undefined);

    store = await Store.open(db);
    try {
      expect(await store.one('meta/counts')).toMatchObject({ actuals: 2, committed_uploads: 1 });
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});
