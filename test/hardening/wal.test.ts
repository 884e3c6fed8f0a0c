import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { indicatorStates } from '../../src/analytics/indicators.js';
import { openPrepared } from '../../src/cli/open.js';
import { loadConfig } from '../../src/config.js';
import { importFile } from '../../src/ingest/import.js';
import { syntheticDataset } from '../bench/generate.js';
import { codes } from '../helpers/jilin-codes.js';

/** How many values have no committed upload, read with DuckDB itself (no rule of the app). */
async function orphans(db: string): Promise<number | 'unreadable'> {
  try {
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    const rows = (
      await connection.runAndReadAll(
        "SELECT count(*) FROM actual a LEFT JOIN upload u ON u.id = a.upload_id WHERE u.id IS NULL OR u.status <> 'committed'",
      )
    ).getRowsJS();
    connection.closeSync();
    instance.closeSync();
    return Number(rows[0]?.[0]);
  } catch {
    return 'unreadable';
  }
}

describe('hardening: a damaged write-ahead log never makes half a commit count', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-harden-wal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts only on a database whose commits are whole, and says how to restore otherwise', async () => {
    const db = path.join(dir, 'wal.duckdb');
    const { file, regionsFile } = await syntheticDataset(dir, 200_000, await codes());
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/hardening/children/commit-then-die.ts', db, file, regionsFile],
      {
        encoding: 'utf8',
      },
    );
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(child.stdout).toContain('committed committed committed');
    const wal = `${db}.wal`;
    const size = statSync(wal).size;
    expect(size).toBeGreaterThan(1_000);
    // Cut the log at several points, each on a fresh copy of the database and its log.
    for (const fraction of [0.1, 0.3, 0.5, 0.75, 0.9, 0.99]) {
      const copy = path.join(dir, `cut-${fraction}.duckdb`);
      copyFileSync(db, copy);
      copyFileSync(wal, `${copy}.wal`);
      truncateSync(`${copy}.wal`, Math.floor(size * fraction));
      const found = await orphans(copy);
      const opened = await openPrepared(loadConfig({ TAIZHANG_DB: copy, TAIZHANG_MIN_FREE_MB: '1' })).then(
        async (store) => {
          await store.close();
          return null;
        },
        (error: Error) => error.message,
      );
      if (found === 0) {
        expect(opened, `cut at ${fraction}`).toBeNull();
      } else {
        // Either DuckDB refuses the damaged file, or taizhang refuses the half commit: never served.
        expect(opened, `cut at ${fraction}: ${found} orphan values`).toMatch(/不完整|无法打开数据库文件/);
        if (typeof found === 'number') expect(opened).toContain('npm run restore');
      }
    }
  }, 240_000);

  it('refuses to serve values whose upload is missing, and never counts them meanwhile', async () => {
    const db = path.join(dir, 'orphans.duckdb');
    const config = loadConfig({ TAIZHANG_DB: db, TAIZHANG_MIN_FREE_MB: '1' });
    const store = await openPrepared(config);
    const one = path.join(dir, 'one.csv');
    writeFileSync(one, '指标编码,统计期,数值\n2021-T10-1,2021-03,9000\n');
    expect((await importFile(store, one, { fileName: 'one.csv', by: 'test' })).status).toBe('committed');
    // What a log replayed in part leaves: values of upload 7, whose own row never made it.
    await store.write((tx) =>
      tx.connection.run(
        `INSERT INTO actual SELECT '2021-T10-1', '全省', DATE '2021-04-30', 'actual', 50000, 'cumulative', NULL, NULL, 7, 2, now()`,
      ),
    );
    const [state] = (
      await indicatorStates(store, 'jilin-2021-new-urbanization-key-tasks', {
        period: '2021-04-30',
        known: new Date(),
      })
    ).filter((s) => s.code === '2021-T10-1');
    expect(state?.actual).toBe(9000);
    await store.close();
    const refused = await openPrepared(config).then(
      () => 'opened',
      (error: Error) => error.message,
    );
    expect(refused).toContain('不完整');
    expect(refused).toContain('1 个数值没有对应的已提交上传记录（批次 7）');
    expect(refused).toContain('npm run restore');
  }, 60_000);
});
