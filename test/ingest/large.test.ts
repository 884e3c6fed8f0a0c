import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indicatorHistory as historyOf } from '../../src/analytics/history.js';
import { loadSeedCatalogs } from '../../src/catalog/load.js';
import { findIndicator } from '../../src/catalog/read.js';
import { loadRegions } from '../../src/catalog/regions.js';
import { loadConfig } from '../../src/config.js';
import { importFile } from '../../src/ingest/import.js';
import { Store } from '../../src/store/store.js';
import { syntheticDataset } from '../bench/generate.js';
import { codes } from '../helpers/jilin-codes.js';

const ROWS = 1_000_000;

describe('ingest: a million-row file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports every row through the full pipeline and stores the exact values', async () => {
    const indicatorCodes = await codes();
    const { regionsFile, regions, file } = await syntheticDataset(dir, ROWS, indicatorCodes);

    const store = await Store.open(path.join(dir, 'large.duckdb'));
    try {
      await loadSeedCatalogs(store, loadConfig({}).seedsDir);
      await loadRegions(store, regionsFile);
      const report = await importFile(store, file, { fileName: 'million.csv', by: 'test' });
      expect(report.status).toBe('committed');
      expect(report.counts).toMatchObject({ lines: ROWS, new: ROWS, errors: 0 });
      expect(await store.one('meta/counts')).toMatchObject({ actuals: ROWS, committed_uploads: 1 });
      // Row 1 of the file: first region, first code, January, value 1 + 0 % 3 written as 0.0001万.
      const first = await historyFor(store, indicatorCodes[0] ?? '');
      expect(first.find((r) => r.region === regions[0] && r.period === '2021-01-31')?.value).toBe(1);
      expect(first.find((r) => r.region === regions[0] && r.period === '2021-02-29')).toBeUndefined();
      expect(first.find((r) => r.region === regions[0] && r.period === '2021-02-28')?.value).toBe(3);
    } finally {
      await store.close();
    }
  });
});

/** The history of an indicator of the fixture's document, by code. */
async function historyFor(store: Parameters<typeof historyOf>[0], code: string) {
  return historyOf(store, { code, document_id: (await findIndicator(store, code)).document_id });
}
