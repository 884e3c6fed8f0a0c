import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeRows, openSnapshotWriter } from '../../src/export/formats.js';
import type { SnapshotRow } from '../../src/export/snapshot.js';
import { readRows } from '../../src/store/rows.js';
import { justBefore, uploadedAt } from '../helpers/known.js';
import { seededApp } from '../helpers/store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-export-'));

/** Reads a file with DuckDB itself, as an analyst would. */
async function duck(sql: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return readRows(await connection.runAndReadAll(sql));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('export: indicator snapshots', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
    // An indicator note and a value that a spreadsheet would run as formulas.
    await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值,备注\n2021-T53-1,2021-10,31,=HYPERLINK("http://x")\n',
      headers: { 'Content-Type': 'text/csv' },
    });
  });
  afterAll(async () => {
    await ctx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = async (query: string) => {
    const res = await ctx.app.request(`/api/snapshot?${query}`);
    expect(res.status, query).toBe(200);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('writes CSV with BOM, Chinese headers and quoting, and reads back to the same rows as JSON', async () => {
    const { res, bytes } = await get('asof=2021-10&format=csv');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''2021-10-");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvFile = path.join(dir, 'snapshot.csv');
    writeFileSync(csvFile, bytes);
    const fromCsv = await duck(`SELECT * FROM read_csv('${csvFile}', header = true, all_varchar = true)`);
    const json = JSON.parse((await get('asof=2021-10&format=json')).bytes.toString('utf8')) as {
      indicators: Record<string, unknown>[];
    };
    expect(fromCsv).toHaveLength(68);
    expect(json.indicators).toHaveLength(68);
    expect(Object.keys(fromCsv[0] ?? {})[0]).toBe('指标编码');
    for (const [i, row] of fromCsv.entries()) {
      const expected = json.indicators[i]!;
      expect(row.指标编码).toBe(expected.code);
      expect(row.任务内容).toBe(expected.task_text);
      // Percentages as people read them (69.2), under a header that says so; JSON keeps the ratio.
      const completion = expected.completion as number | null;
      expect(row['完成率（%）'] === null ? null : Number(row['完成率（%）'])).toBe(
        completion === null ? null : Math.round(completion * 1000) / 10,
      );
    }
  });

  it('gives byte-identical CSV, JSON and Parquet for the same parameters', async () => {
    for (const format of ['csv', 'json', 'parquet']) {
      const a = (await get(`asof=2021-09&format=${format}`)).bytes;
      const b = (await get(`asof=2021-09&format=${format}`)).bytes;
      expect(a.equals(b), format).toBe(true);
    }
  });

  it('writes the same bytes a chunk of rows at a time as all at once (how national snapshots are written)', async () => {
    const json = JSON.parse((await get('asof=2021-10&format=json')).bytes.toString('utf8')) as {
      parameters: object;
      indicators: SnapshotRow[];
    };
    const rows = json.indicators;
    const meta = { params: json.parameters, notes: [] as [string, string][] };
    for (const format of ['csv', 'json', 'parquet', 'arrow'] as const) {
      const whole = await encodeRows(ctx.store, rows, format, meta);
      const writer = await openSnapshotWriter(ctx.store, format, meta);
      for (let at = 0; at < rows.length; at += 7) await writer.rows(rows.slice(at, at + 7));
      await writer.rows([]);
      const file = await writer.end();
      const chunked = readFileSync(file);
      rmSync(file);
      if (format === 'arrow')
        expect(
          tableFromIPC(chunked)
            .toArray()
            .map((r) => r.code),
        ).toEqual(rows.map((r) => r.code));
      else expect(chunked.equals(whole), format).toBe(true);
    }
    // The API's JSON is exactly these rows, laid out as JSON.stringify lays them out.
    expect((await encodeRows(ctx.store, rows, 'json', meta)).toString('utf8')).toBe(
      `${JSON.stringify({ parameters: json.parameters, indicators: rows }, null, 2)}\n`,
    );
    expect((await encodeRows(ctx.store, [], 'json', meta)).toString('utf8')).toBe(
      `${JSON.stringify({ parameters: json.parameters, indicators: [] }, null, 2)}\n`,
    );
  });

  it('writes Parquet and Arrow with real types: dates as dates, numbers as numbers', async () => {
    const parquet = path.join(dir, 'snapshot.parquet');
    writeFileSync(parquet, (await get('asof=2021-10&format=parquet')).bytes);
    const types = await duck(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${parquet}')`);
    const typeOf = Object.fromEntries(types.map((t) => [t.column_name, t.column_type]));
    expect(typeOf).toMatchObject({
      deadline: 'DATE',
      last_period: 'DATE',
      target: 'DOUBLE',
      completion: 'DOUBLE',
      task_seq: 'INTEGER',
      name: 'VARCHAR',
    });
    const [t10] = await duck(
      `SELECT strftime(deadline, '%Y-%m-%d') AS deadline, target FROM '${parquet}' WHERE code = '2021-T10-1'`,
    );
    expect(t10).toEqual({ deadline: '2021-12-31', target: 36000 });

    const table = tableFromIPC((await get('asof=2021-10&format=arrow')).bytes);
    expect(table.numRows).toBe(68);
    expect(String(table.schema.fields.find((f) => f.name === 'deadline')?.type)).toMatch(/Date/);
    expect(String(table.schema.fields.find((f) => f.name === 'target')?.type)).toBe('Float64');
    const row = table.toArray().find((r) => r.code === '2021-T10-1');
    expect(row?.target).toBe(36000);
  });

  it('writes a workbook with typed cells, a frozen header, formats and a notes sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('asof=2021-10&format=xlsx')).bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标快照')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('指标编码');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const t10 = sheet.getRows(2, 68)!.find((r) => r.getCell(1).value === '2021-T10-1')!;
    expect(typeof t10.getCell(col('目标值')).value).toBe('number');
    expect(t10.getCell(col('完成时限')).value).toBeInstanceOf(Date);
    expect(typeof t10.getCell(col('完成率')).value).toBe('number');
    expect(t10.getCell(col('完成率')).numFmt).toBe('0.0%');
    expect(workbook.getWorksheet('说明')?.getRow(2).getCell(2).value).toBe(
      'jilin-2021-new-urbanization-key-tasks',
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const { toCsv } = await import('../../src/export/csv.js');
    const csv = toCsv(
      ['名称', '备注', '数'],
      [
        ['=1+1', '@SUM(A1)', -5],
        ['+cmd', '\tx', 3],
      ],
    );
    expect(csv).toBe("\uFEFF名称,备注,数\r\n'=1+1,'@SUM(A1),-5\r\n'+cmd,'\tx,3\r\n");
  });

  it('filters as the dashboard does and refuses bad parameters in Chinese', async () => {
    const json = JSON.parse(
      (await get(`asof=2021-10&format=json&department=${encodeURIComponent('省交通运输厅')}`)).bytes.toString(
        'utf8',
      ),
    ) as { indicators: { departments: string }[] };
    expect(json.indicators.length).toBeGreaterThan(0);
    for (const row of json.indicators) expect(row.departments).toContain('省交通运输厅');
    for (const query of ['format=pdf', 'asof=2021-14', 'status=很好', 'part=0']) {
      const res = await ctx.app.request(`/api/snapshot?${query}`);
      expect(res.status, query).toBe(400);
    }
  });

  it('reproduces an earlier snapshot by recording time after a revision', async () => {
    const earlier = (await get('asof=2021-10&format=csv')).bytes;
    const revision = await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T10-1,2021-10,35000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(revision.status).toBe(200);
    const { uploadId } = (await revision.json()) as { uploadId: number };
    // Known just before the revision was recorded, as the database recorded it.
    const before = justBefore(await uploadedAt(ctx.store, uploadId)).toISOString();
    const again = (await get(`asof=2021-10&format=csv&known=${encodeURIComponent(before)}`)).bytes;
    expect(again.equals(earlier)).toBe(true);
    expect((await get('asof=2021-10&format=csv')).bytes.equals(earlier)).toBe(false);
  });
});

describe('export: the full history for auditors', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-history-'));
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值,备注\n2021-T53-1,2021-05,10,@首报\n2021-T53-1,2021-06,12,\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    await ctx.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T53-1,2021-06,14\n',
      headers: { 'Content-Type': 'text/csv' },
    });
  });
  afterAll(async () => {
    await ctx.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams every recorded value with when it stopped counting, as CSV with BOM and as Parquet', async () => {
    const res = await ctx.app.request('/api/actuals?format=csv');
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvFile = path.join(dir, 'history.csv');
    writeFileSync(csvFile, bytes);
    const rows = await duck(
      `SELECT 统计期::VARCHAR AS p, 数值 AS v, 备注 AS note, 失效时间 IS NOT NULL AS superseded FROM read_csv('${csvFile}', header = true) ORDER BY p, 记录时间`,
    );
    expect(rows).toEqual([
      { p: '2021-05-31', v: 10, note: "'@首报", superseded: false },
      { p: '2021-06-30', v: 12, note: null, superseded: true },
      { p: '2021-06-30', v: 14, note: null, superseded: false },
    ]);
    const parquetFile = path.join(dir, 'history.parquet');
    writeFileSync(
      parquetFile,
      Buffer.from(await (await ctx.app.request('/api/actuals?format=parquet')).arrayBuffer()),
    );
    const types = await duck(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${parquetFile}')`,
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toMatchObject({
      统计期: 'DATE',
      数值: 'DOUBLE',
      记录时间: 'TIMESTAMP WITH TIME ZONE',
    });
    expect((await ctx.app.request('/api/actuals?format=xml')).status).toBe(400);
  });
});

describe('export: one row per indicator and region', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
  });
  afterAll(async () => ctx.cleanup());

  it('writes the by-region CSV (one query in DuckDB) as the per-region CSVs one after another', async () => {
    const commit = async (csv: string) => {
      const res = await ctx.app.request('/api/uploads', {
        method: 'POST',
        body: csv,
        headers: { 'Content-Type': 'text/csv' },
      });
      expect(((await res.json()) as { status: string }).status).toBe('committed');
    };
    // Increments (当月) for one region, and revised values: the running sums and the ranking by
    // when each value started counting are both on the path.
    await commit(
      '指标编码,统计期,当月完成,地区\n2021-T10-1,2021-08,3,长春市\n2021-T10-1,2021-09,4.1,长春市\n' +
        '2021-T10-1,2021-10,0.2,长春市\n2021-T1-1,2021-09,0.1,吉林市\n',
    );
    // A series not reported since June (no recent run rate as of October) and one reported in August.
    await commit(
      '指标编码,统计期,数值,地区\n2021-T10-1,2021-02,1,白城市\n2021-T10-1,2021-06,5,白城市\n' +
        '2021-T10-1,2021-05,1,松原市\n2021-T10-1,2021-08,4,松原市\n',
    );
    const text = async (query: string) => {
      const res = await ctx.app.request(`/api/snapshot?${query}`);
      expect(res.status, query).toBe(200);
      return Buffer.from(await res.arrayBuffer()).toString('utf8');
    };
    const compare = async (filter: string) => {
      const json = JSON.parse(await text(`asof=2021-10&format=json&by=region${filter}`)) as {
        indicators: { region: string }[];
      };
      const regions = [...new Set(json.indicators.map((r) => r.region))];
      const byRegion = await text(`asof=2021-10&format=csv&by=region${filter}`);
      const [header] = byRegion.split('\r\n');
      let expected = `${header}\r\n`;
      for (const region of regions) {
        const one = await text(`asof=2021-10&format=csv&region=${encodeURIComponent(region)}${filter}`);
        expected += one.slice(one.indexOf('\r\n') + 2);
      }
      expect(byRegion.split('\r\n').length, filter).toBe(json.indicators.length + 2);
      expect(byRegion, filter).toBe(expected);
      return byRegion;
    };
    // Month ends only: the by-region query reads the series once (within_month false).
    for (const filter of ['', '&status=滞后,严重滞后', '&part=2']) await compare(filter);
    // Reports dated within October besides the sample's 31 October: five in the three months before
    // it. The run rate needs the value of 31 July, which only the second look into the series finds
    // ((2490 - 2000) / 3 a month); among the latest four there is none, and the rate would be the
    // year's average (2490 / 10 months: 2490 + 2 × 249 = 2988 by December).
    await commit(
      '指标编码,统计期,数值,地区\n2021-T10-1,2021-07,2000,四平市\n2021-T10-1,2021-10-05,2400,四平市\n' +
        '2021-T10-1,2021-10-12,2420,四平市\n2021-T10-1,2021-10-19,2440,四平市\n2021-T10-1,2021-10-26,2460,四平市\n',
    );
    const byRegion = await compare('');
    const siping = byRegion.split('\r\n').find((l) => l.startsWith('2021-T10-1,四平市,'));
    const forecast = siping?.split(',').at(-2);
    expect(Number(forecast)).toBeCloseTo(2490 + (2 * (2490 - 2000)) / 3, 6);
  });

  it('leaves no temporary file of the by-region CSV behind, read to its end or abandoned', async () => {
    // DuckDB writes the lines to a file in this process's temporary folder (src/tempfiles.ts).
    const temp = path.join(os.tmpdir(), `taizhang-${process.pid}`);
    const csvFiles = () => (existsSync(temp) ? readdirSync(temp).filter((f) => f.endsWith('.csv')) : []);
    const whole = await ctx.app.request('/api/snapshot?asof=2021-10&format=csv&by=region');
    const text = Buffer.from(await whole.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF指标编码')).toBe(true);
    await vi.waitFor(() => expect(csvFiles()).toEqual([]));

    const abandoned = await ctx.app.request('/api/snapshot?asof=2021-10&format=csv&by=region');
    const reader = (abandoned.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(csvFiles()).toEqual([]));
  });

  it('gives the provincial rows first, then every region that reported', async () => {
    const res = await ctx.app.request('/api/snapshot?asof=2021-10&format=json&by=region');
    expect(res.status).toBe(200);
    const { indicators } = (await res.json()) as {
      indicators: { code: string; region: string; actual: number | null }[];
    };
    const regions = [...new Set(indicators.map((r) => r.region))];
    expect(regions[0]).toBe('全省');
    expect(regions).toContain('长春市');
    expect(regions).toHaveLength(10);
    expect(indicators).toHaveLength(68 * 10);
    const changchun = indicators.find((r) => r.region === '长春市' && r.code === '2021-T10-1');
    const province = indicators.find((r) => r.region === '全省' && r.code === '2021-T10-1');
    expect(changchun?.actual).toBeLessThan(province?.actual ?? 0);
  });
});
