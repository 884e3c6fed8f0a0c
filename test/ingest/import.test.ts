import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { listValue } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indicatorHistory as historyOf } from '../../src/analytics/history.js';
import { CLI_ACTOR } from '../../src/auth/roles.js';
import { findIndicator } from '../../src/catalog/read.js';
import { importFile } from '../../src/ingest/import.js';
import { withdrawUpload } from '../../src/ingest/uploads.js';
import { readRows } from '../../src/store/rows.js';
import { history, importText, ingestStore } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';

describe('ingest/importFile', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await ingestStore();
  });
  afterEach(async () => temp.cleanup());

  it('reads a GB18030 file with Chinese headers, CRLF and Chinese number forms, and stores the exact values', async () => {
    const text =
      '指标编码,统计期,累计完成,地区,备注\r\n' +
      '2021-T1-1,2021年3月,1.2万,,一季度\r\n' +
      '2021-T1-1,2021-04,"36,000",长春市,\r\n' +
      '2021-T1-1,202105,３６０００,延边州,全角数字\r\n' +
      '2021-T2-1,2021/6,90％,,\r\n' +
      '2021-T1-2,2021-06-30,950,,\r\n';
    const report = await importText(temp, text, { encoding: 'gb18030' });
    expect(report.status).toBe('committed');
    expect(report.encoding).toBe('gb18030');
    expect(report.counts).toMatchObject({ lines: 5, new: 5, revised: 0, errors: 0 });
    const rows = await history(temp, '2021-T1-1');
    expect(rows.map((r) => [r.period, r.region, r.value])).toEqual([
      ['2021-03-31', '全省', 12000],
      ['2021-04-30', '长春市', 36000],
      ['2021-05-31', '延边朝鲜族自治州', 36000],
    ]);
    expect((await history(temp, '2021-T2-1')).map((r) => r.value)).toEqual([90]);
    expect((await history(temp, '2021-T1-2')).map((r) => r.period)).toEqual(['2021-06-30']);
  });

  it('reads UTF-8 with a byte-order mark and tab-separated files', async () => {
    const bom = await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-03,100\n', {
      encoding: 'utf-8-bom',
    });
    expect(bom).toMatchObject({ status: 'committed', encoding: 'utf-8-bom' });
    const tab = await importText(temp, 'indicator\tperiod\tvalue\n2021-T1-1\t2021-04\t200\n');
    expect(tab).toMatchObject({ status: 'committed', encoding: 'utf-8' });
    expect((await history(temp, '2021-T1-1')).map((r) => r.value)).toEqual([100, 200]);
  });

  it('reads Excel\'s "Unicode 文本" (UTF-16 with a byte-order mark, tab-separated) and weighs its lines as text', async () => {
    const text =
      '指标编码\t统计期\t累计完成\t地区\r\n2021-T1-1\t2021年3月\t1.2万\t长春市\r\n2021-T1-1\t2021-04\t"36,000"\t\r\n';
    const le = await importText(temp, text, { encoding: 'utf-16le', name: '台账.txt' });
    expect(le).toMatchObject({ status: 'committed', encoding: 'utf-16le', counts: { new: 2, errors: 0 } });
    const be = await importText(temp, '指标编码,统计期,数值\n2021-T1-2,2021-06,950\n', {
      encoding: 'utf-16be',
    });
    expect(be).toMatchObject({ status: 'committed', encoding: 'utf-16be' });
    expect((await history(temp, '2021-T1-1')).map((r) => [r.period, r.region, r.value])).toEqual([
      ['2021-03-31', '长春市', 12000],
      ['2021-04-30', '全省', 36000],
    ]);
    expect((await history(temp, '2021-T1-2')).map((r) => r.value)).toEqual([950]);

    // Without its byte-order mark, told by the zero byte beside each ASCII character.
    const unmarked = path.join(temp.dir, 'nobom.txt');
    writeFileSync(unmarked, Buffer.from('指标编码\t统计期\t数值\r\n2021-T1-2\t2021-03\t960\r\n', 'utf16le'));
    const plain = await importFile(temp.store, unmarked, { fileName: 'nobom.txt', by: 'test' });
    expect(plain).toMatchObject({ status: 'committed', encoding: 'utf-16le', counts: { new: 1 } });

    // A line of too many fields is stopped as in any other encoding (the zero bytes are not binary).
    const wide = await importText(temp, `指标编码,统计期,数值\n${'1,'.repeat(1500)}1\n`, {
      encoding: 'utf-16le',
    });
    expect(wide.status).toBe('rejected');
    expect(wide.problems[0]?.message).toMatch(/第 ?2 ?行/);
    // Cut mid-character (an odd number of bytes): a message that says so, not "binary".
    const cut = path.join(temp.dir, 'cut.txt');
    writeFileSync(
      cut,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('指标编码\t数值\n', 'utf16le'),
        Buffer.from([0x41]),
      ]),
    );
    const broken = await importFile(temp.store, cut, { fileName: 'cut.txt', by: 'test' });
    expect(broken.status).toBe('rejected');
    expect(broken.problems[0]).toMatchObject({
      code: 'encoding',
      message: expect.stringContaining('UTF-16'),
    });
  });

  it('reads a UTF-8 file as it is, whatever its name, and one whose lines need rewriting the same', async () => {
    // Read by DuckDB through a link: a name DuckDB would take for a pattern ([1], *) names only this
    // file, not the one beside it that the pattern matches.
    writeFileSync(path.join(temp.dir, '台账1.csv'), '指标编码,统计期,数值\r\n2021-T1-1,2021-12,999\r\n');
    const plain = await importText(temp, '指标编码,统计期,数值\r\n2021-T1-1,2021-03,100\r\n', {
      name: '台账[1]*.csv',
    });
    expect(plain).toMatchObject({ status: 'committed', encoding: 'utf-8' });
    // A line ended by \r alone and an empty line: rewritten first, read the same.
    const rewritten = await importText(
      temp,
      '指标编码,统计期,数值\r2021-T1-1,2021-04,200\n\n2021-T1-1,2021-05,300\n',
    );
    expect(rewritten).toMatchObject({ status: 'committed', encoding: 'utf-8' });
    expect((await history(temp, '2021-T1-1')).map((r) => [r.period, r.value])).toEqual([
      ['2021-03-31', 100],
      ['2021-04-30', 200],
      ['2021-05-31', 300],
    ]);
  });

  it('names an indicator by its exact name as well as by its code', async () => {
    const report = await importText(temp, '指标名称,月份,完成值\n职业技能培训,2021-03,500\n');
    expect(report.status).toBe('committed');
    expect((await history(temp, '2021-T1-1')).map((r) => r.value)).toEqual([500]);
  });

  it('unpivots a wide sheet with one column per month, blank months not reported', async () => {
    const report = await importText(
      temp,
      '指标编码,指标名称,1月,2月,3月,4月\n2021-T1-1,职业技能培训,1000,,3000,\n2021-T2-1,县域内就诊率,91,92%,,\n',
    );
    expect(report).toMatchObject({ status: 'committed', format: 'wide' });
    expect(report.counts).toMatchObject({ lines: 2, values: 8, new: 4, blank: 4 });
    expect((await history(temp, '2021-T1-1')).map((r) => [r.period, r.value])).toEqual([
      ['2021-01-31', 1000],
      ['2021-03-31', 3000],
    ]);
  });

  it('names every problem with its line, column and a Chinese message, and writes nothing', async () => {
    const text = [
      '指标编码,统计期,数值,地区',
      '2021-T9-9,2021-03,1,', // unknown indicator
      '2021-T1-1,2021-13,1,', // bad period
      '2021-T1-1,2022-01,1,', // outside the year
      '2021-T1-1,2021-03,abc,', // unparseable number
      '2021-T1-1,2021-04,-5,', // negative count
      '2021-T1-1,2021-05,1,火星市', // unknown region
      '2021-T1-2,2021-05,9000,', // over 3x target: warning
      '2021-T1-1,2021-06,1,',
      '2021-T1-1,2021-06,2,', // duplicate key
      '2021-T1-1,2021-07,5户,', // wrong unit
    ].join('\n');
    const report = await importText(temp, text);
    expect(report.status).toBe('rejected');
    const found = report.problems.map((p) => [p.line, p.column, p.code, p.severity]);
    expect(found).toEqual([
      [2, '指标编码', 'unknown_indicator', 'error'],
      [3, '统计期', 'bad_period', 'error'],
      [4, '统计期', 'period_outside_year', 'error'],
      [5, '数值', 'bad_number', 'error'],
      [6, '数值', 'negative', 'error'],
      [7, '地区', 'unknown_region', 'error'],
      [8, '数值', 'over_target', 'warning'],
      [10, '指标编码', 'duplicate_key', 'error'],
      [11, '数值', 'unit_mismatch', 'error'],
    ]);
    expect(report.problems[0]?.message).toBe(
      '指标编码不存在：“2021-T9-9”，最接近的是 2021-T1-1 职业技能培训',
    );
    expect(report.problems[3]?.message).toContain('无法识别数值“abc”');
    expect(report.counts).toMatchObject({ errors: 8, warnings: 1 });
    expect(await history(temp, '2021-T1-1')).toEqual([]);
    expect(await history(temp, '2021-T1-2')).toEqual([]);
    expect(report.uploadId).toBeGreaterThan(0);
  });

  it('reports lines with the wrong number of fields by their line number', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,2021-03,1\n2021-T1-1,2021-04\n2021-T1-1,2021-05,36,000\n2021-T1-1,2021-06,x\n',
    );
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'malformed_line'],
      [4, 'malformed_line'],
      [5, 'bad_number'],
    ]);
    expect(report.problems[1]?.message).toContain('列数比表头多');
  });

  it('rejects a file without a header, saying which rows were looked at and which names are expected', async () => {
    const report = await importText(temp, 'foo,bar\n1,2\n');
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => p.code)).toEqual(['no_header']);
    expect(report.problems[0]?.message).toContain('已查看第1–2行');
    expect(report.problems[0]?.message).toContain('“指标名称”或“指标编码”');
    expect(report.problems[0]?.message).toContain('“1-3月”');
  });

  it('rejects a header that lacks a column it needs, saying which, on the header line', async () => {
    const report = await importText(temp, '指标编码,数值,foo\n2021-T1-1,1,2\n');
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'unknown_column'],
      [1, 'missing_period_column'],
    ]);
    expect(report.problems[1]?.message).toContain('缺少统计期列');
  });

  it('keeps both values when a later upload revises one, and withdrawal makes the earlier count again', async () => {
    const first = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,2021-03,1000\n2021-T1-1,2021-04,2000\n',
    );
    const preview = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,2021-04,2500\n2021-T1-1,2021-03,1000\n',
      {
        dryRun: true,
      },
    );
    expect(preview.status).toBe('preview');
    expect(preview.counts).toMatchObject({ new: 0, revised: 1, unchanged: 1 });
    expect(preview.changes[0]).toMatchObject({ change: 'revised', old_value: 2000, value: 2500, line: 2 });
    expect(await history(temp, '2021-T1-1')).toHaveLength(2); // the dry run wrote nothing

    const second = await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-04,2500\n');
    expect(second.status).toBe('committed');
    let rows = await historyFor(temp.store, '2021-T1-1');
    expect(rows.map((r) => [r.period, r.value, r.upload_id, r.superseded_at !== null])).toEqual([
      ['2021-03-31', 1000, first.uploadId, false],
      ['2021-04-30', 2000, first.uploadId, true],
      ['2021-04-30', 2500, second.uploadId, false],
    ]);

    await withdrawUpload(temp.store, second.uploadId!, CLI_ACTOR, '口径有误');
    // A second withdrawal of the same upload is refused, and changes nothing.
    await expect(withdrawUpload(temp.store, second.uploadId!, CLI_ACTOR, null)).rejects.toThrow('无法撤回');
    rows = await historyFor(temp.store, '2021-T1-1');
    expect(rows.map((r) => [r.value, r.superseded_at !== null])).toEqual([
      [1000, false],
      [2000, false],
      [2500, true],
    ]);
  });

  it("ranks a revised month's values: one city's revision leaves the province's and another city's as they were", async () => {
    await importText(
      temp,
      '指标编码,统计期,地区,数值\n2021-T1-1,2021-04,,2000\n2021-T1-1,2021-04,长春市,500\n2021-T1-1,2021-04,吉林市,400\n',
    );
    const revision = await importText(temp, '指标编码,统计期,地区,数值\n2021-T1-1,2021-04,长春市,600\n');
    expect(revision.counts).toMatchObject({ revised: 1 });
    const counting = await temp.store.session(async (tx) =>
      readRows<{ region: string; value: number }>(
        await tx.connection.runAndReadAll(
          "SELECT region, value FROM tz_current_actuals(now(), 'fixture-2021', regions := $regions) ORDER BY region",
          { regions: listValue(['全省', '长春市', '吉林市']) },
        ),
      ),
    );
    expect(counting).toEqual([
      { region: '全省', value: 2000 },
      { region: '吉林市', value: 400 },
      { region: '长春市', value: 600 },
    ]);
  });

  it('recognises the same file uploaded twice by its hash and changes nothing', async () => {
    const text = '指标编码,统计期,数值\n2021-T1-1,2021-03,1000\n';
    const first = await importText(temp, text, { name: 'a.csv' });
    const again = await importText(temp, text, { name: 'b.csv' });
    expect(again.status).toBe('duplicate');
    expect(again.duplicateOf?.id).toBe(first.uploadId);
    expect(again.problems[0]?.message).toContain('本次未做任何更改');
    expect(await history(temp, '2021-T1-1')).toHaveLength(1);
  });

  it('treats a blank value as not reported, not as zero', async () => {
    const report = await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-03,\n2021-T1-1,2021-04,0\n');
    expect(report.counts).toMatchObject({ blank: 1, new: 1 });
    expect((await history(temp, '2021-T1-1')).map((r) => [r.period, r.value])).toEqual([['2021-04-30', 0]]);
  });

  it('takes milestone progress as a status and a note', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,状态,进展情况\n2021-T3-1,2021-06,进行中,主体结构施工\n2021-T3-1,2021-09,已完成,\n',
    );
    expect(report.status).toBe('committed');
    const rows = await historyFor(temp.store, '2021-T3-1');
    expect(rows.map((r) => [r.period, r.milestone_status, r.note])).toEqual([
      ['2021-06-30', '进行中', '主体结构施工'],
      ['2021-09-30', '已完成', null],
    ]);
    const bad = await importText(temp, '指标编码,统计期,状态\n2021-T3-1,2021-10,差不多了\n');
    expect(bad.problems.map((p) => p.code)).toEqual(['bad_status']);
  });

  it('reads the words clerks write for a status, a series and nothing reported, and a number copied from a web page', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,类型,数值,状态\n' +
        '2021-T3-1,2021-06,实际完成,,未启动\n2021-T3-1,2021-07,,,正在推进\n' +
        '2021-T1-1,2021-03,计划数,\u00a012\u00a0000,\n2021-T1-1,2021-04,实际完成,暂无,\n2021-T1-1,2021-05,,未统计,\n',
    );
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ new: 3, blank: 2 });
    expect((await historyFor(temp.store, '2021-T3-1')).map((r) => [r.period, r.milestone_status])).toEqual([
      ['2021-06-30', '未开始'],
      ['2021-07-31', '进行中'],
    ]);
    // A 台账's progress words: on plan, partly done and late are under way; a tick is done.
    const words = await importText(
      temp,
      '指标编码,统计期,状态\n2021-T3-1,2021-08,按计划推进\n2021-T3-1,2021-09,基本完成\n2021-T3-1,2021-10,滞后\n2021-T3-1,2021-11,√\n',
    );
    expect(words.problems).toEqual([]);
    expect((await historyFor(temp.store, '2021-T3-1')).map((r) => r.milestone_status).slice(2)).toEqual([
      '进行中',
      '进行中',
      '进行中',
      '已完成',
    ]);
    expect((await historyFor(temp.store, '2021-T1-1')).map((r) => [r.series, r.value])).toEqual([
      ['plan', 12000],
    ]);
  });

  it('warns where a cumulative count falls within the file (monthly amounts read as cumulative), not where a rate does', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,2021-01,300\n2021-T1-1,2021-02,450\n2021-T1-1,2021-03,200\n' +
        '2021-T1-1,2021-04,900\n2021-T2-1,2021-01,90\n2021-T2-1,2021-02,85\n',
    );
    expect(report.status).toBe('committed');
    expect(report.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [4, 'cumulative_down', 'warning'],
    ]);
    expect(report.problems[0]?.message).toContain('累计数 200 比本文件中同一年此前月份的累计数小');
  });

  it('reads a month or quarter without a year (3月, 4月份, 1-6月, 前三季度) in the year of the indicator’s document', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,3月,100\n2021-T1-1,4月份,200\n2021-T1-1,1-6月,300\n2021-T1-1,13月,1\n',
    );
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([[5, 'bad_period']]);
    const ok = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,3月,100\n2021-T1-1,4月份,200\n2021-T1-1,1-6月,300\n2021-T1-1,前三季度,400\n',
    );
    expect(ok.status).toBe('committed');
    expect((await history(temp, '2021-T1-1')).map((r) => [r.period, r.value])).toEqual([
      ['2021-03-31', 100],
      ['2021-04-30', 200],
      ['2021-06-30', 300],
      ['2021-09-30', 400],
    ]);
  });

  it('reads an approximate figure (300余, 400多人, 450人以上) as written, with a warning, and still checks its unit', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,2021-06,300余\n2021-T1-1,2021-07,400多人\n2021-T1-1,2021-08,450人以上\n2021-T1-1,2021-09,500户\n',
      { dryRun: true },
    );
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'approximate_value'],
      [3, 'approximate_value'],
      [4, 'approximate_value'],
      [5, 'unit_mismatch'],
    ]);
    expect(report.problems[0]?.message).toBe('“300余”是约数，按 300 导入；如有准确数，请填写准确数');
    expect(report.changes.map((c) => c.value)).toEqual([300, 400, 450]);
  });

  it('warns of a share written as a fraction and of 2021.1, which Excel makes of 2021.10', async () => {
    const report = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T2-1,2021-06,0.88\n2021-T2-1,2021.1,88%\n2021-T2-1,2021-07,0.5%\n',
    );
    expect(report.counts).toMatchObject({ errors: 0, warnings: 2 });
    expect(report.problems.map((p) => [p.line, p.column, p.code, p.message])).toEqual([
      [
        2,
        '数值',
        'fraction_percent',
        '数值 0.88 小于 1，而该指标的单位是 %：如果是比例（如 0.88 即 88%），请写成 88 或 88%',
      ],
      [
        3,
        '统计期',
        'period_dot_one',
        '统计期“2021.1”按 1 月读取；如果是 10 月（Excel 把数字 2021.10 显示为 2021.1），请改写成 2021-10',
      ],
    ]);
  });

  it('marks values as increments when the header says 当月, and as plan when asked', async () => {
    await importText(temp, '指标编码,统计期,当月完成\n2021-T1-1,2021-03,100\n');
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-03,3000\n', { series: 'plan' });
    const rows = await historyFor(temp.store, '2021-T1-1');
    expect(rows.map((r) => [r.series, r.basis, r.value])).toEqual([
      ['actual', 'increment', 100],
      ['plan', 'cumulative', 3000],
    ]);
  });

  it('explains an Excel workbook, a binary file and an empty file instead of failing', async () => {
    const xlsx = await importText(temp, 'PK\u0003\u0004rest-of-zip');
    expect(xlsx.problems[0]?.message).toContain('另存为');
    const binary = await importText(temp, 'a\u0000b\u0000');
    expect(binary.problems[0]?.code).toBe('binary');
    const empty = await importText(temp, '');
    expect(empty.problems[0]?.code).toBe('empty');
    for (const report of [xlsx, binary, empty]) expect(report.status).toBe('rejected');
  });
});

/** The history of an indicator of the fixture's document, by code. */
async function historyFor(store: Parameters<typeof historyOf>[0], code: string) {
  return historyOf(store, { code, document_id: (await findIndicator(store, code)).document_id });
}
