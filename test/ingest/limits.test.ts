import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import.js';
import { importText, ingestStore } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';
import { seededApp } from '../helpers/store.js';

const HOSTILE = `指标编码,统计期,数值,地区,备注\n${'a,'.repeat(1e6)}a\n`;

describe('ingest limits', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await ingestStore();
  });
  afterAll(async () => temp.cleanup());

  it('refuses a line of a million fields before DuckDB reads it, naming the line', async () => {
    const report = await importText(temp, HOSTILE, { dryRun: true, recordRejection: true });
    expect(report.status).toBe('rejected');
    expect(report.problems).toMatchObject([{ code: 'too_many_fields', severity: 'error' }]);
    expect(report.problems[0]?.message).toContain('第2行');
    expect(report.problems[0]?.message).toContain('1,000');
  });

  it('refuses a header of more than 1,000 columns, on line 1', async () => {
    const header = ['指标编码', '统计期', '数值', ...Array.from({ length: 100_000 }, (_, i) => `x${i}`)].join(
      ',',
    );
    const report = await importText(temp, `${header}\nT-1,2021-06,1\n`, { dryRun: true });
    expect(report.problems).toMatchObject([{ code: 'too_many_fields' }]);
    expect(report.problems[0]?.message).toContain('第1行');
  });

  it('refuses a header with more unknown columns than the limit as one error, not a warning each', async () => {
    const header = ['指标编码', '统计期', '数值', ...Array.from({ length: 101 }, (_, i) => `列${i}`)].join(
      ',',
    );
    const report = await importText(temp, `${header}\n2021-T1-1,2021-06,1\n`, { dryRun: true });
    expect(report.status).not.toBe('committed');
    expect(report.problems).toMatchObject([{ code: 'too_many_unknown_columns', line: 1, severity: 'error' }]);
    expect(report.problems[0]?.message).toContain('101 个无法识别的列');
    const fine = ['指标编码', '统计期', '数值', ...Array.from({ length: 100 }, (_, i) => `列${i}`)].join(',');
    const ok = await importText(temp, `${fine}\n2021-T1-1,2021-06,1\n`, { dryRun: true });
    expect(ok.problems.filter((p) => p.code === 'unknown_column')).toHaveLength(100);
  });

  it('refuses a line longer than the byte limit, such as an unclosed quote', async () => {
    const report = await importText(
      temp,
      `指标编码,统计期,数值,备注\nT-1,2021-06,1,"${'很长'.repeat(100_000)}\n`,
      {
        dryRun: true,
      },
    );
    expect(report.problems).toMatchObject([{ code: 'line_too_long' }]);
    expect(report.problems[0]?.message).toContain('第2行');
  });

  it('counts lines as the decoder does (CRLF, CR) and keeps quoted line breaks inside their field', async () => {
    const fields = Array.from({ length: 1001 }, () => 'a').join(',');
    const report = await importText(
      temp,
      `指标编码,统计期,数值\r\n"x\r\ny",2021-06,1\r\nb,c,d\r${fields}\r\n`,
      {
        dryRun: true,
      },
    );
    expect(report.problems[0]?.message).toContain('第4行');
  });

  it('rejects a note longer than the single-value form allows, naming line and column', async () => {
    const report = await importText(
      temp,
      `指标编码,统计期,数值,备注\n2021-T1-1,2021-06,1,${'说'.repeat(501)}\n`,
      {
        dryRun: true,
      },
    );
    expect(report.counts.errors).toBe(1);
    expect(report.problems).toMatchObject([
      { code: 'note_too_long', line: 2, column: '备注', severity: 'error' },
    ]);
    expect(report.problems[0]?.message).toContain('501');
  });

  it('warns when short GBK text is also valid UTF-8 (全省), and not for real UTF-8', async () => {
    const file = path.join(temp.dir, 'gbk.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('code,period,value,region\n2021-T1-1,2021-06,1,'),
        iconv.encode('全省', 'gbk'),
        Buffer.from('\n'),
      ]),
    );
    const report = await importFile(temp.store, file, { fileName: 'gbk.csv', by: 'test', dryRun: true });
    const doubt = report.problems.find((p) => p.code === 'encoding_doubt');
    expect(doubt?.severity).toBe('warning');
    expect(doubt?.message).toContain('全省');
    const plain = await importText(temp, 'code,period,value,region\n2021-T1-1,2021-06,1,全省\n', {
      dryRun: true,
    });
    expect(plain.problems.some((p) => p.code === 'encoding_doubt')).toBe(false);
  });
});

describe('ingest limits over HTTP', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('answers the million-field line with a Chinese 422 while readers are answered', async () => {
    const upload = ctx.app.request('/api/uploads?dry_run=1', {
      method: 'POST',
      body: HOSTILE,
      headers: { 'Content-Type': 'text/csv' },
    });
    const reader = ctx.app.request('/api/indicators');
    const [res, read] = await Promise.all([upload, reader]);
    expect(read.status).toBe(200);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { problems: { message: string }[] };
    expect(body.problems[0]?.message).toMatch(/^第2行的字段超过 1,000 个/);
  });
});
