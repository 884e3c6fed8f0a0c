import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCatalogs } from '../../src/catalog/load.js';
import { loadRegions } from '../../src/catalog/regions.js';
import { loadConfig } from '../../src/config.js';
import { assertConsistent } from '../../src/store/consistency.js';
import { Store } from '../../src/store/store.js';
import { syntheticDataset } from '../bench/generate.js';
import { codes } from '../helpers/jilin-codes.js';
import { killAt } from '../helpers/kill-points.js';

// More than one DuckDB row group (122,880 rows), so the insert writes blocks to the file before COMMIT.
const ROWS = 130_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-crash-'));

/**
 * Where the child dies: `kill` is the point at whose announcement the parent kills, `pause` the
 * point where the child halts to wait for it (none: it runs on, and the kill lands in the statement
 * after `kill`). See test/helpers/kill-points.ts.
 */
const KILLS = [
  { kill: 'begin', pause: 'begin', what: 'file checked and compared, the transaction begun' },
  { kill: 'ingest/insert_upload', pause: 'committed', what: 'while inserting the values' },
  { kill: 'commit', pause: 'commit', what: 'every value inserted, COMMIT not sent' },
  { kill: 'commit', pause: 'committed', what: 'during COMMIT' },
  { kill: 'committed', pause: 'committed', what: 'COMMIT returned' },
];

describe('ingest: kill -9 in the middle of a commit', () => {
  let base = '';
  let file = '';
  beforeAll(async () => {
    const data = await syntheticDataset(dir, ROWS, await codes());
    file = data.file;
    // Catalogue and regions loaded once; each child gets a copy.
    base = path.join(dir, 'base.duckdb');
    const store = await Store.open(base);
    await loadSeedCatalogs(store, loadConfig({}).seedsDir);
    await loadRegions(store, data.regionsFile);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves all of the upload or none of it, at every point of the commit, and the database opens again', async () => {
    const seen: string[] = [];
    for (const [i, { kill, pause, what }] of KILLS.entries()) {
      const db = path.join(dir, `crash-${i}.duckdb`);
      copyFileSync(base, db);
      const { output, points } = await killAt('test/ingest/children/commit-large.ts', [db, file], {
        kill,
        pause,
      });
      const why = `${what} (killed at ${kill}, child reached ${points.join(' → ')})\n${output}`;
      // Halted where it was told to: killed provably at that point.
      if (pause === kill) expect(points.at(-1), why).toBe(kill);
      const reopened = await Store.open(db);
      try {
        const counts = await reopened.one<{ actuals: number; committed_uploads: number }>('meta/counts');
        const found = await reopened.one<{ orphan_values: number }>('meta/consistency');
        // DuckDB may replay a commit cut off by kill -9 in part (issue 19, case 3): values without
        // their upload row. Those never count, and the server refuses to start on such a file,
        // saying how to restore; what counts is still all of the upload or none of it.
        const counted = Number(counts?.actuals ?? 0) - Number(found?.orphan_values ?? 0);
        const outcome = counted === ROWS ? 'all' : counted === 0 ? 'none' : 'some';
        expect(outcome, why).not.toBe('some');
        expect(counts?.committed_uploads, why).toBe(outcome === 'all' ? 1 : 0);
        if (Number(found?.orphan_values) > 0) {
          expect(points, why).toContain('commit');
          await expect(assertConsistent(reopened)).rejects.toThrow(/不完整，台账拒绝启动/);
        }
        // Before COMMIT was sent nothing may count; once it has returned everything must.
        if (points.includes('committed')) expect(outcome, why).toBe('all');
        else if (!points.includes('commit')) expect(outcome, why).toBe('none');
        seen.push(
          `${what}: ${outcome}${Number(found?.orphan_values) > 0 ? ' (partial replay refused at start)' : ''}`,
        );
      } finally {
        await reopened.close();
      }
    }
    // Which side of COMMIT the unpaused kill fell on, for the record.
    console.log(`kill -9 outcomes — ${seen.join('; ')}`);
  });
});
