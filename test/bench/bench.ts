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

/** How many times the import and its baselines run; each line gives their medians. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const seconds = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');

/**
 * The import of the synthetic million-row file into a fresh database, RUNS times, each next to
 * DuckDB's own load of the same file (and the floor: that load then one insert of every row), so
 * that a noisy second on a shared machine moves a median, not the ratio. The last run's database
 * is the one the later lines read.
 */
async function benchImport(dir: string) {
  const { regionsFile, file } = await syntheticDataset(dir, ROWS, await codes());
  const duck: number[] = [];
  const floor: number[] = [];
  const pipeline: number[] = [];
  let stages: [string, number][] = [];
  let rssBefore = 0;
  for (let run = 0; run < RUNS; run++) {
    const baseline = await duckdbLoad(dir, file, run);
    duck.push(baseline.load);
    floor.push(baseline.load + baseline.insert);

    const db = path.join(dir, 'bench.duckdb');
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    const store = await Store.open(db);
    await loadSeedCatalogs(store, loadConfig({}).seedsDir);
    await loadRegions(store, regionsFile);
    rssBefore = process.memoryUsage().rss;
    // Where the time goes: the moment each stage of the check starts (printed on stderr).
    stages = [];
    const t1 = performance.now();
    const report = await importFile(store, file, {
      fileName: 'actuals-1m.csv',
      by: 'bench',
      onStage: (stage, percent) => stages.push([`${stage} ${percent}%`, performance.now()]),
    });
    pipeline.push((performance.now() - t1) / 1000);
    stages.push(['done', performance.now()]);
    if (report.status !== 'committed' || report.counts.new !== ROWS) {
      throw new Error(
        `import did not commit ${ROWS} rows: ${report.status} ${JSON.stringify(report.counts)}`,
      );
    }
    // The pages need provincial figures too: the labelled sample data set gives them.
    if (run === RUNS - 1) await loadSample(store, 'jilin-2021-new-urbanization-key-tasks', 2021);
    await store.close();
  }
  const profile = stages.slice(0, -1).map(([name, at], i) => {
    return `${name} ${(((stages[i + 1]?.[1] ?? at) - at) / 1000).toFixed(2)} s`;
  });
  console.error(`import stages (last run): ${profile.join(', ')}`);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const [d, f, p] = [median(duck), median(floor), median(pipeline)];
  console.log(
    `import-floor: duckdb read_csv then one insert of every row ${f.toFixed(2)} s (runs ${seconds(floor)}), ratio ${(f / d).toFixed(2)}; the pipeline is ${(p / f).toFixed(2)}× that`,
  );
  console.log(
    `import-${ROWS >= 1_000_000 ? `${ROWS / 1_000_000}m` : ROWS}: pipeline ${p.toFixed(2)} s (runs ${seconds(pipeline)}), duckdb read_csv ${d.toFixed(2)} s (runs ${seconds(duck)}), medians of ${RUNS}, peak rss ${peakMb.toFixed(0)} MB (before ${(rssBefore / 1048576).toFixed(0)} MB), ratio ${(p / d).toFixed(2)}`,
  );
}

/**
 * DuckDB's own load of the file into a table, auto-detecting everything; then the least a pipeline
 * that reads the file into a table, then writes its values, could add: one INSERT of every row into
 * a table of `actual`'s columns (no check at all). A fresh database each run, in seconds.
 */
async function duckdbLoad(dir: string, file: string, run: number) {
  const db = path.join(dir, `baseline-${run}.duckdb`);
  const duck = await DuckDBInstance.create(db);
  const connection = await duck.connect();
  try {
    const t0 = performance.now();
    await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}')`);
    const load = (performance.now() - t0) / 1000;
    await connection.run(`CREATE TABLE a (indicator_code VARCHAR NOT NULL, region VARCHAR NOT NULL,
      period DATE NOT NULL, series VARCHAR NOT NULL, value DOUBLE, basis VARCHAR NOT NULL,
      milestone_status VARCHAR, note VARCHAR, upload_id BIGINT NOT NULL, line INTEGER, recorded_at TIMESTAMPTZ NOT NULL)`);
    const t1 = performance.now();
    await connection.run(`INSERT INTO a SELECT 指标编码, 地区, CAST(统计期 || '-01' AS DATE), 'actual',
      TRY_CAST(数值 AS DOUBLE), 'cumulative', NULL, NULL, 1, NULL, now() FROM t`);
    return { load, insert: (performance.now() - t1) / 1000 };
  } finally {
    connection.closeSync();
    duck.closeSync();
    rmSync(db, { force: true });
  }
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
