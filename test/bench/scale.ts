/**
 * npm run bench:scale — a national-scale data set on one machine: SCALE_REGIONS counties (default
 * 3,000), SCALE_YEARS yearly documents (default 5, 2021–2025) of SCALE_INDICATORS indicators each
 * (default 200: the Jilin catalogue's 65 and synthetic ones), every indicator × county × month:
 * 3,000 × 200 × 60 = 36,000,000 values. The values are generated in bulk by DuckDB (the import
 * pipeline's own rate is `npm run bench`'s import line); then the app answers the pages and
 * downloads a leader or an analyst asks for, timed cold (first request at this data version) and
 * warm (served from the per-version cache); then reads the history it published as Parquet the way a
 * national instance would. Prints one line per figure and the peak RSS.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { createApp } from '../../src/app.js';
import { loadCatalog, readCatalogFile } from '../../src/catalog/load.js';
import { loadRegions } from '../../src/catalog/regions.js';
import type { Catalog } from '../../src/catalog/types.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { PREFECTURES } from '../../src/ingest/sample.js';
import { Store } from '../../src/store/store.js';
import { clientFor, signIn } from '../helpers/accounts.js';

/** The bench's own SQL (generating rows in bulk), kept out of the production query book. */
const benchSql = (name: string) =>
  readFileSync(path.join(projectRoot, 'test', 'bench', 'sql', `${name}.sql`), 'utf8');

const REGIONS = Number(process.env.SCALE_REGIONS ?? 3000);
const YEARS = Number(process.env.SCALE_YEARS ?? 5);
const INDICATORS = Number(process.env.SCALE_INDICATORS ?? 200);
const PER_REGION_MAX = Number(process.env.SCALE_PER_REGION_MAX ?? 10_000);

/** The Jilin catalogue re-dated to `year`, padded with synthetic count indicators to INDICATORS. */
function yearCatalog(base: Catalog, year: number): Catalog {
  const redate = (text: string) => text.replace(/^2021/, String(year));
  const tasks = base.tasks.map((t) => ({
    ...t,
    indicators: t.indicators.map((i) => ({ ...i, code: redate(i.code), deadline: redate(i.deadline) })),
  }));
  const existing = tasks.reduce((n, t) => n + t.indicators.length, 0);
  for (let k = 1; k <= INDICATORS - existing; k++) {
    const task = tasks[k % tasks.length] as (typeof tasks)[number];
    task.indicators.push({
      code: `${year}-T${task.seq}-S${k}`,
      name: `合成指标${k}`,
      value: 1000 * k,
      unit: '个',
      comparator: '>=',
      deadline: `${year}-12-31`,
      kind: 'count',
      source: `${k}千个`,
    } as (typeof task.indicators)[number]);
  }
  return {
    ...base,
    document: { id: `scale-${year}`, title: `${year}年重点任务（规模测试）`, year },
    tasks,
    headline: (base.headline ?? []).map(redate),
  };
}

function regionsCsv(): string {
  const lines = [
    'name,parent,level,aliases',
    '全省,,province,',
    ...PREFECTURES.map((p) => `${p},全省,prefecture,`),
  ];
  for (let i = 1; i <= REGIONS; i++)
    lines.push(`规模县${String(i).padStart(4, '0')},${PREFECTURES[i % 9]},county,`);
  return `${lines.join('\n')}\n`;
}

/** The process's peak resident memory so far (it only grows): after each figure, which one raised it. */
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);

/**
 * Reads an answer to its end and counts its bytes. A browser or curl holds a download in a process
 * of its own: kept whole here (arrayBuffer), the by-region CSV's 276 MB and its copy were counted
 * in the server's peak RSS.
 */
async function drain(res: Response): Promise<number> {
  let bytes = 0;
  for await (const chunk of res.body ?? []) bytes += chunk.byteLength;
  return bytes;
}

/**
 * The other side of a split deployment (README, "The path past it"): a national instance that holds
 * no database of its own reads the Parquet history a provincial one published — here the whole
 * data set's latest document, every county — with DuckDB, and finds the value that counts for
 * each indicator and region (not withdrawn, not superseded, approved where it needed approval).
 */
async function nationalRead(file: string, settings: Record<string, string>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  try {
    const t = performance.now();
    const reader = await connection.runAndReadAll(
      `SELECT count(*) AS keys, count(DISTINCT 地区) AS regions FROM (
         SELECT 指标编码, 地区, arg_max(数值, 统计期) AS value FROM read_parquet($file)
         WHERE 类型 = '实际' AND 撤回时间 IS NULL AND 失效时间 IS NULL AND 审核 IN ('无需审核', '已审核')
         GROUP BY 指标编码, 地区)`,
      { file },
    );
    const [keys, regions] = reader.getRows()[0] ?? [];
    console.log(
      `scale national read of the published parquet: ${Number(keys).toLocaleString('en')} indicator × region values of ${Number(regions).toLocaleString('en')} regions in ${seconds(t)} s`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-scale-'));
  const db = path.join(dir, 'scale.duckdb');
  try {
    const store = await Store.open(db);
    const regionsFile = path.join(dir, 'regions.csv');
    writeFileSync(regionsFile, regionsCsv());
    await loadRegions(store, regionsFile);
    const { catalog: base } = readCatalogFile(
      path.join(projectRoot, 'seeds', 'jilin-2021-new-urbanization-key-tasks.catalog.json'),
    );
    const years = Array.from({ length: YEARS }, (_, i) => 2021 + i);
    let t0 = performance.now();
    for (const year of years) await loadCatalog(store, yearCatalog(base, year), `scale-${year}`);
    console.log(`scale catalogue: ${YEARS} documents × ${INDICATORS} indicators in ${seconds(t0)} s`);

    t0 = performance.now();
    for (const [k, year] of years.entries()) {
      await store.write(async (tx) => {
        await tx.connection.run(benchSql('scale_upload'), {
          id: k + 1,
          file_name: `scale-${year}.csv`,
          sha256: `scale-${year}`,
          rows: REGIONS * INDICATORS * 12,
        });
        await tx.connection.run(benchSql('scale_actuals'), {
          document: `scale-${year}`,
          counties: REGIONS,
          upload_id: k + 1,
        });
        await tx.connection.run(benchSql('scale_upload_periods'), { upload_id: k + 1 });
        await tx.run('meta/bump_data_version');
      });
    }
    const { actuals } = (await store.one<{ actuals: number }>('meta/counts')) ?? { actuals: 0 };
    const loadSeconds = seconds(t0);
    await store.close();
    const bytes = statSync(db).size;
    console.log(
      `scale load: ${actuals.toLocaleString('en')} values (${REGIONS} counties, 9 prefectures and the province × ${INDICATORS} indicators × ${YEARS * 12} months) in ${loadSeconds} s, database ${(bytes / 2 ** 30).toFixed(2)} GiB`,
    );

    console.log(`scale peak rss after load: ${peakMb()} MB`);

    // The app on it, as `npm start` serves it (DuckDB's memory limit and threads from the config:
    // TAIZHANG_DB_MEMORY, TAIZHANG_DB_THREADS, taken from the environment to compare settings),
    // asked by a signed-in leader.
    const { TAIZHANG_DB_MEMORY, TAIZHANG_DB_THREADS } = process.env;
    const config = loadConfig({
      TAIZHANG_DB: db,
      TAIZHANG_REGIONS: regionsFile,
      TAIZHANG_DB_MEMORY,
      TAIZHANG_DB_THREADS,
    });
    console.log(
      `scale duckdb settings: memory_limit ${config.duckdb.memory_limit}, threads ${config.duckdb.threads}`,
    );
    const reopened = await Store.open(db, { settings: config.duckdb });
    const app = createApp({ store: reopened, config });
    const client = clientFor(app, await signIn(reopened, 'leader', 'viewer'));
    const last = years[years.length - 1];
    const asks: [string, string][] = [
      ['overview (latest document)', `/?asof=${last}-10`],
      ['overview (first document)', `/?doc=scale-2021&asof=2021-10`],
      ['indicator page', `/indicators/${last}-T10-1?asof=${last}-10`],
      ['snapshot csv', `/api/snapshot?asof=${last}-10&format=csv`],
      ['snapshot parquet', `/api/snapshot?asof=${last}-10&format=parquet`],
      ['api indicators', `/api/indicators?asof=${last}-10`],
    ];
    // The regions page and the by-region snapshot list every region: tens of seconds and hundreds of
    // MB at thousands of counties. Measured up to PER_REGION_MAX counties.
    if (REGIONS <= PER_REGION_MAX) {
      asks.push(['regions page', `/regions?asof=${last}-10`]);
      asks.push(['snapshot by region csv', `/api/snapshot?asof=${last}-10&by=region&format=csv`]);
    } else {
      console.log(
        `scale regions page, snapshot by region: not run above ${PER_REGION_MAX} counties (SCALE_PER_REGION_MAX raises it)`,
      );
    }
    const colds = new Map<string, number>();
    for (const [name, url] of asks) {
      let t = performance.now();
      const res = await client.request(url);
      const size = await drain(res);
      const cold = seconds(t);
      colds.set(name, Number(cold));
      t = performance.now();
      await drain(await client.request(url));
      console.log(
        `scale ${name}: ${res.status}, ${size.toLocaleString('en')} bytes, cold ${cold} s, warm ${seconds(t)} s, peak rss so far ${peakMb()} MB`,
      );
    }
    // The goals, as ratios to the overview's cold time in this run.
    const overview = colds.get('overview (latest document)') ?? 0;
    for (const [name, goal] of [
      ['regions page', 2],
      ['snapshot by region csv', 5],
    ] as const) {
      const cold = colds.get(name);
      if (cold === undefined) continue;
      console.log(
        `scale ${name} vs overview: cold ${cold.toFixed(2)} s, overview cold ${overview.toFixed(2)} s, goal ≤ ${goal}, ratio ${(cold / overview).toFixed(2)}`,
      );
    }
    const t = performance.now();
    const history = await client.request('/api/actuals?format=parquet');
    const published = path.join(dir, 'published.parquet');
    await pipeline(Readable.fromWeb(history.body as never), createWriteStream(published));
    console.log(
      `scale full history parquet (latest document): ${history.status}, ${(statSync(published).size / 2 ** 20).toFixed(1)} MiB in ${seconds(t)} s, peak rss so far ${peakMb()} MB`,
    );
    await reopened.close();
    await nationalRead(published, config.duckdb);
    console.log(`scale peak rss: ${peakMb()} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
