import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQueueOf } from '../../src/ingest/check-queue.js';
import { importFile } from '../../src/ingest/import.js';
import { importText, ingestStore, writeFixture } from '../helpers/ingest.js';
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

describe('ingest check queue', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await ingestStore();
  });
  afterAll(async () => temp.cleanup());

  it('checks a file outside the write queue, one at a time, the next one knowing its place', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `2021-T1-1,2021-06,${i}`).join('\n');
    const big = writeFixture(temp.dir, 'big.csv', `指标编码,统计期,数值\n${rows}\n`);
    const small = writeFixture(temp.dir, 'small.csv', '指标编码,统计期,数值\n2021-T1-1,2021-06,1\n');
    let finished = false;
    let during: { write: Promise<boolean>; next: Promise<unknown>; place: unknown } | undefined;
    const first = importFile(temp.store, big, {
      fileName: 'big.csv',
      by: 'test',
      dryRun: true,
      onStage: (stage) => {
        if (stage !== 'checking' || during) return;
        // The first file is being read and checked right now.
        const next = importFile(temp.store, small, {
          fileName: 's.csv',
          by: 'test',
          dryRun: true,
          progress: 'b',
        });
        during = {
          next,
          place: checkQueueOf(temp.store).progress('b'),
          write: temp.store.write(async (tx) => {
            await tx.connection.run('SELECT 1');
            return finished;
          }),
        };
      },
    }).then((report) => {
      finished = true;
      return report;
    });
    const report = await first;
    expect(report.counts.lines).toBe(200_000);
    expect(during?.place).toEqual({ stage: 'waiting', percent: 0, ahead: 1 });
    // The write went through while the big file was still being checked.
    expect(await during?.write).toBe(false);
    expect(await during?.next).toMatchObject({ status: 'preview', counts: { new: 1 } });
    expect(checkQueueOf(temp.store).progress('b')).toMatchObject({ stage: 'done', percent: 100 });
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

  it('tells the page how the check of its upload went, under the key the page chose', async () => {
    const key = 'a1b2c3d4e5f6a7b8c9d0';
    const before = await ctx.app.request(`/uploads/progress/${key}`);
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ stage: 'unknown', text: '文件已送达，正在检查……' });
    const form = new FormData();
    form.append(
      'file',
      new File(['指标编码,统计期,数值\n2021-T10-1,2021-06,1\n'], 'p.csv', { type: 'text/csv' }),
    );
    form.append('progress', key);
    const upload = await ctx.app.request('/uploads', {
      method: 'POST',
      body: form,
      headers: { 'HX-Request': 'true' },
    });
    expect(upload.status).toBe(200);
    const after = await ctx.app.request(`/uploads/progress/${key}`);
    expect(await after.json()).toMatchObject({ stage: 'done', percent: 100, ahead: 0 });
    expect((await ctx.app.request('/uploads/progress/x')).status).toBe(404);
  });
});

describe('error report of a file with more problems than the page shows', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('says how many it shows, and the CSV lists every problem in Chinese words', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `XX-${i},2021-06,1`).join('\n');
    const form = new FormData();
    form.append('file', new File([`指标编码,统计期,数值\n${rows}\n`], 'many.csv', { type: 'text/csv' }));
    const res = await ctx.app.request('/uploads', {
      method: 'POST',
      body: form,
      headers: { 'HX-Request': 'true' },
    });
    const html = await res.text();
    expect(html).toContain('共 1,500 个问题，页面显示前 1,000 个');
    const id = /\/uploads\/(\d+)\/problems\.csv/.exec(html)?.[1];
    expect(id).toBeDefined();
    const csv = await (await ctx.app.request(`/uploads/${id}/problems.csv`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toContain('问题');
    expect(lines).toHaveLength(1501);
    expect(csv).toContain('指标不存在');
    expect(csv).not.toContain('unknown_indicator');
    const page = await (await ctx.app.request(`/uploads/${id}`)).text();
    expect(page).toContain('共 1,500 个问题，页面显示前 1,000 个');
  });
});
