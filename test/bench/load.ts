/**
 * npm run bench:load — the same readers twice in one run, on loopback, bounded in time: quiet, then
 * while a writer commits. A database of BENCH_ROWS (default 1,000,000) values; 50 connections read
 * the overview, indicator pages and snapshot downloads for LOAD_SECONDS (default 30) each phase; in
 * the second a writer commits a 10,000-row upload every 3 seconds. Prints requests/s, p50/p99 of
 * each phase, errors (must be 0), the server's peak RSS, whether every answer's data version was
 * one the writer had committed (never a half-committed one), and ratio = p99 with commits / p99 quiet.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { CLI_ACTOR } from '../../src/auth/roles.js';
import { createToken } from '../../src/auth/tokens.js';
import { createUser } from '../../src/auth/users.js';
import { loadSeedCatalogs } from '../../src/catalog/load.js';
import { loadRegions } from '../../src/catalog/regions.js';
import { loadConfig } from '../../src/config.js';
import { importFile } from '../../src/ingest/import.js';
import { loadSample } from '../../src/ingest/sample.js';
import { Store } from '../../src/store/store.js';
import { codes } from '../helpers/jilin-codes.js';
import { syntheticDataset } from './generate.js';
import { startServer } from './pages.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-load-'));

async function prepare(): Promise<{
  db: string;
  regions: string[];
  indicatorCodes: string[];
  regionsFile: string;
  token: string;
}> {
  const db = path.join(dir, 'load.duckdb');
  const store = await Store.open(db);
  await loadSeedCatalogs(store, loadConfig({}).seedsDir);
  const indicatorCodes = await codes();
  const { regionsFile, regions, file } = await syntheticDataset(dir, ROWS, indicatorCodes);
  await loadRegions(store, regionsFile);
  await importFile(store, file, { fileName: 'base.csv', by: 'bench' });
  await loadSample(store, 'jilin-2021-new-urbanization-key-tasks', 2021);
  // The writer is a script with an API token, as the statistics bureau's would be.
  const writer = await createUser(store, CLI_ACTOR, { username: 'bench-writer', role: 'reporter' });
  const { token } = await createToken(store, CLI_ACTOR, writer.id, 'bench:load');
  await store.close();
  return { db, regions, indicatorCodes, regionsFile, token };
}

/** 10,000 revisions: one indicator, 834 counties × 12 months, every value set to `k`. */
function revision(k: number, regions: string[], code: string): string {
  const lines = ['指标编码,统计期,数值,地区'];
  for (const region of regions.slice(0, 834)) {
    for (let month = 1; month <= 12 && lines.length <= 10_000; month++) {
      lines.push(`${code},2021-${String(month).padStart(2, '0')},${k},${region}`);
    }
  }
  return `${lines.slice(0, 10_001).join('\n')}\n`;
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const { db, regions, indicatorCodes, regionsFile, token } = await prepare();
  const { url, child, cookie } = await startServer(db, regionsFile);
  const committed = new Set<number>([Number((await (await fetch(`${url}/healthz`)).json()).dataVersion)]);
  const paths = [
    '/',
    '/?asof=2021-06',
    '/indicators/2021-T10-1',
    '/indicators/2021-T26-2',
    '/api/snapshot?asof=2021-10&format=csv',
  ];
  for (const p of paths) await fetch(`${url}${p}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
  const readers = () =>
    autocannon({
      url,
      connections: 50,
      duration: SECONDS,
      headers: { cookie },
      requests: paths.map((p) => ({ method: 'GET', path: p })),
    } as never);
  const quiet = await readers();

  let writing = true;
  let commits = 0;
  let writeErrors = 0;
  const writer = (async () => {
    for (let k = 1; writing; k++) {
      const res = await fetch(`${url}/api/uploads?file_name=load-${k}.csv`, {
        method: 'POST',
        body: revision(k, regions, indicatorCodes[1] ?? ''),
        headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
      });
      const report = (await res.json()) as { status: string; problems?: { message: string }[] };
      if (report.status === 'committed') commits += 1;
      else {
        writeErrors += 1;
        if (writeErrors === 1)
          console.error(`upload ${k}: ${report.status} ${report.problems?.[0]?.message ?? ''}`);
      }
      committed.add(Number((await (await fetch(`${url}/healthz`)).json()).dataVersion));
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  })();

  // A checker reads alongside the load and notes each answer's data version.
  const seen: number[] = [];
  const checker = (async () => {
    while (writing) {
      const res = await fetch(`${url}/?asof=2021-10`, { headers: { cookie } });
      await res.arrayBuffer();
      seen.push(Number(res.headers.get('x-data-version')));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();

  const result = await readers();
  writing = false;
  await writer;
  await checker;
  const rss = peakRss(child.pid ?? 0);
  const unknown = seen.filter((v) => !committed.has(v));
  const monotonic = seen.every((v, i) => i === 0 || v >= (seen[i - 1] ?? 0));
  child.kill('SIGTERM');
  const errors = (r: typeof result) => r.errors + r.timeouts + r.non2xx;
  console.log(
    `load-${ROWS >= 1_000_000 ? `${ROWS / 1_000_000}m` : ROWS}: quiet ${Math.round(quiet.requests.average)} req/s p50 ${quiet.latency.p50} ms p99 ${quiet.latency.p99} ms, with commits ${Math.round(result.requests.average)} req/s p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms, errors ${errors(quiet) + errors(result)}, ${commits} commits of 10,000 rows (${writeErrors} failed), server peak rss ${Math.round(rss)} MB, ${seen.length} versions checked, ${unknown.length} not committed, monotonic ${monotonic}, ratio ${(result.latency.p99 / Math.max(quiet.latency.p99, 1)).toFixed(2)}`,
  );
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
