/**
 * npm run bench — measurements side by side in one run, one line each: `name: figures, ratio R`.
 * Not part of npm test. Each line compares our code with a baseline measured in the same run:
 * the import against DuckDB's own read_csv of the same file, the history export against DuckDB's
 * own COPY of the table to Parquet, each page against a static file of
 * the same size from the same server (50 connections on loopback, BENCH_SECONDS each, default 10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSeedCatalogs } from '../../src/catalog/load.js';
import { loadRegions } from '../../src/catalog/regions.js';
import { loadConfig } from '../../src/config.js';
import { exportHistory, HISTORY_FORMATS } from '../../src/export/history.js';
import { importFile } from '../../src/ingest/import.js';
import { loadSample } from '../../src/ingest/sample.js';
import { Store } from '../../src/store/store.js';
import { codes } from '../helpers/jilin-codes.js';
import { syntheticDataset } from './generate.js';
import { benchPages } from './pages.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

async function benchImport(dir: string) {
  const store = await Store.open(path.join(dir, 'bench.duckdb'));
  await loadSeedCatalogs(store, loadConfig({}).seedsDir);
  const { regionsFile, file } = await syntheticDataset(dir, ROWS, await codes());
  await loadRegions(store, regionsFile);

  // DuckDB's own load of the same file into a table, auto-detecting everything.
  const duck = await DuckDBInstance.create(path.join(dir, 'baseline.duckdb'));
  const connection = await duck.connect();
  const t0 = performance.now();
  await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}')`);
  const duckSeconds = (performance.now() - t0) / 1000;
  // The least a pipeline that reads the file into a table, then writes its values, could take: the
  // same read, then one INSERT of every row into a table of `actual`'s columns (no check at all).
  await connection.run(`CREATE TABLE a (indicator_code VARCHAR NOT NULL, region VARCHAR NOT NULL,
    period DATE NOT NULL, series VARCHAR NOT NULL, value DOUBLE, basis VARCHAR NOT NULL,
    milestone_status VARCHAR, note VARCHAR, upload_id BIGINT NOT NULL, line INTEGER, recorded_at TIMESTAMPTZ NOT NULL)`);
  const tInsert = performance.now();
  await connection.run(`INSERT INTO a SELECT 指标编码, 地区, CAST(统计期 || '-01' AS DATE), 'actual',
    TRY_CAST(数值 AS DOUBLE), 'cumulative', NULL, NULL, 1, NULL, now() FROM t`);
  const floorSeconds = duckSeconds + (performance.now() - tInsert) / 1000;
  connection.closeSync();
  duck.closeSync();

  const rssBefore = process.memoryUsage().rss;
  const t1 = performance.now();
  // Where the time goes: the moment each stage of the check starts (printed on stderr).
  const stages: [string, number][] = [];
  const report = await importFile(store, file, {
    fileName: 'actuals-1m.csv',
    by: 'bench',
    onStage: (stage, percent) => stages.push([`${stage} ${percent}%`, performance.now()]),
  });
  const pipelineSeconds = (performance.now() - t1) / 1000;
  const profile = stages.map(([name, at], i) => {
    const until = stages[i + 1]?.[1] ?? performance.now();
    return `${name} ${((until - at) / 1000).toFixed(2)} s`;
  });
  console.error(`import stages: ${profile.join(', ')}`);
  if (report.status !== 'committed' || report.counts.new !== ROWS) {
    throw new Error(`import did not commit ${ROWS} rows: ${report.status} ${JSON.stringify(report.counts)}`);
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  // The pages need provincial figures too: the labelled sample data set gives them.
  await loadSample(store, 'jilin-2021-new-urbanization-key-tasks', 2021);
  await store.close();
  console.log(
    `import-floor: duckdb read_csv then one insert of every row ${floorSeconds.toFixed(2)} s, ratio ${(floorSeconds / duckSeconds).toFixed(2)}; the pipeline is ${(pipelineSeconds / floorSeconds).toFixed(2)}× that`,
  );
  console.log(
    `import-${ROWS >= 1_000_000 ? `${ROWS / 1_000_000}m` : ROWS}: pipeline ${pipelineSeconds.toFixed(2)} s, duckdb read_csv ${duckSeconds.toFixed(2)} s, peak rss ${peakMb.toFixed(0)} MB (before ${(rssBefore / 1048576).toFixed(0)} MB), ratio ${(pipelineSeconds / duckSeconds).toFixed(2)}`,
  );
}

/**
 * The auditors' history export of the same million rows in each format, next to DuckDB's own
 * COPY of the table to Parquet.
 */
async function benchHistory(dir: string) {
  const db = path.join(dir, 'bench.duckdb');
  const store = await Store.open(db);
  try {
    const target = path.join(dir, 'baseline.parquet');
    const t0 = performance.now();
    await store.exportQuery(`COPY (SELECT * FROM actual) TO '${target}' (FORMAT parquet, COMPRESSION zstd)`);
    const baseline = (performance.now() - t0) / 1000;
    for (const format of HISTORY_FORMATS) {
      const t1 = performance.now();
      const stream = await exportHistory(store, 'jilin-2021-new-urbanization-key-tasks', format);
      let bytes = 0;
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      const seconds = (performance.now() - t1) / 1000;
      console.log(
        `history-${format}: ${seconds.toFixed(2)} s for ${(bytes / 1048576).toFixed(1)} MB, duckdb copy parquet ${baseline.toFixed(2)} s, ratio ${(seconds / baseline).toFixed(2)}`,
      );
    }
  } finally {
    await store.close();
  }
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_ONLY=import: the import line alone (and its stage profile), while working on the pipeline.
const ONLY = process.env.BENCH_ONLY;
const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-'));
try {
  await benchImport(dir);
  if (ONLY !== 'import') await benchHistory(dir);
  for (const line of ONLY === 'import'
    ? []
    : await benchPages(
        path.join(dir, 'bench.duckdb'),
        [
          { name: 'overview-1m', path: '/' },
          { name: 'indicator-1m', path: '/indicators/2021-T10-1' },
        ],
        SECONDS,
        path.join(dir, 'regions.csv'),
      )) {
    console.log(line);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
