import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyByCode, importText, ingestStore } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';
import { BUREAU_DATA, BUREAU_HEADER, BUREAU_STORED, stored, toCsv } from './sheets.js';

const csv = (rows: string[]) => `${rows.join('\r\n')}\r\n`;

/** The bureau's sheet saved from Excel as CSV: title, 填报单位, 序号, names with units, 注：. */
const BUREAU_CSV = toCsv([
  ['2021年新型城镇化重点任务指标完成情况（1-10月）'],
  ['填报单位：省统计局', '', '', '', '', '', '填报日期：2021年11月5日'],
  BUREAU_HEADER,
  ...BUREAU_DATA,
  [],
  ['注：1-10月数据为快报数。'],
]);

describe('ingest: finding the table in a clerk’s CSV', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await ingestStore();
  });
  afterEach(async () => temp.cleanup());

  it('imports the bureau sheet in GB18030: title, 填报单位, 序号, units, blanks and 注： skipped', async () => {
    const report = await importText(temp, BUREAU_CSV, { encoding: 'gb18030' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'committed', encoding: 'gb18030', format: 'wide' });
    expect(report.counts).toMatchObject({ lines: 3, values: 12, new: 9, blank: 3, errors: 0 });
    for (const [code, values] of Object.entries(BUREAU_STORED))
      expect(await stored(temp, code), code).toEqual(values);
    // Line numbers are the file's: the first indicator row is line 4.
    const history = await historyByCode(temp.store, '2021-T1-1');
    expect(history.map((r) => r.line)).toEqual([4, 4, 4]);
    expect(report.layout?.tables[0]).toMatchObject({
      headerRows: [3],
      titleRows: [1, 2],
      period: '2021年1-10月',
      skipped: [
        { kind: 'blank', rows: [7] },
        { kind: 'note', rows: [8] },
      ],
      scaling: [{ source: '“单位”列', unit: '万人', factor: 10000, cells: 3 }],
    });
    expect(report.layout?.summary).toEqual([
      '第1–2行为标题，第7行为空行，第8行为注释，已跳过；表头在第3行。',
      '标题中的统计期为2021年1-10月。',
      '“单位”列的数值单位为“万人”，已乘以10,000（3个数值）。',
    ]);
  });

  it('names each problem by the line the clerk sees, after title rows, empty lines and notes', async () => {
    const report = await importText(
      temp,
      [
        '各地区指标填报表',
        '',
        '指标编码,统计期,数值',
        '2021-T1-1,2021-03,100',
        '',
        '2021-T1-1,2021-04,abc',
        '说明：数据为初步统计',
        '2021-T1-1,2021-05,200,多余',
        '2021-T1-1,2021-06,300',
      ].join('\n'),
    );
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [6, 'bad_number'],
      [8, 'malformed_line'],
    ]);
    expect(report.layout?.tables[0]?.skipped).toEqual([
      { kind: 'blank', rows: [2, 5] },
      { kind: 'note', rows: [7] },
    ]);
    expect(report.counts.lines).toBe(4);
  });

  it('drops group headings, 合计 rows and a repeated header, and reads —, -, / and 无 as not reported', async () => {
    const report = await importText(
      temp,
      csv([
        '序号,指标名称,1月,2月,3月,4月',
        '一,推进农业转移人口市民化,,,,',
        '1,职业技能培训,100,—,-,400',
        '（二）,提高住房保障水平,,,,',
        '2,新筹集公租房,/,无,30,40',
        ',合计,100,,30,440',
        '序号,指标名称,1月,2月,3月,4月',
        '3,县域内就诊率,91,,,',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('committed');
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-01-31', '全省', 100, 'cumulative'],
      ['2021-04-30', '全省', 400, 'cumulative'],
    ]);
    expect(await stored(temp, '2021-T1-2')).toEqual([
      ['2021-03-31', '全省', 30, 'cumulative'],
      ['2021-04-30', '全省', 40, 'cumulative'],
    ]);
    expect(await stored(temp, '2021-T2-1')).toEqual([['2021-01-31', '全省', 91, 'cumulative']]);
    expect(report.counts).toMatchObject({ lines: 3, blank: 7, new: 5 });
    expect(report.layout?.tables[0]?.skipped).toEqual([
      { kind: 'group', rows: [2, 4] },
      { kind: 'total', rows: [6] },
      { kind: 'header', rows: [7] },
    ]);
  });

  it('reads names with footnote marks, circled numbers and straight quotes, and suggests by shared characters', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,统计期,数值',
        '职业技能培训*,2021-06,100',
        '⑵新筹集公租房,2021-06,20',
        '县域内就诊率①,2021-06,90',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ new: 3 });
    // 公租房新筹集: the characters of 新筹集公租房 in another order, which Jaro-Winkler ranked below others.
    const unknown = await importText(temp, csv(['指标名称,统计期,数值', '公租房新筹集,2021-06,20']));
    expect(unknown.problems.map((p) => p.message)).toEqual([
      '指标目录中没有名为“公租房新筹集”的指标，最接近的是 2021-T1-2 新筹集公租房',
    ]);
  });

  it('skips lines of text with no figure that name no indicator: footnotes without a colon and sign-offs', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,统计期,累计完成',
        '职业技能培训,2021-09,12680',
        '以上数据为快报数，最终以年报为准。,,',
        '省住建厅计划财务处 2021年10月8日,,',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('committed');
    expect(report.layout?.tables[0]?.skipped).toEqual([{ kind: 'note', rows: [3, 4] }]);
    // A line that names an indicator but reports nothing is still counted as a blank report.
    const blank = await importText(temp, csv(['指标名称,统计期,累计完成', '职业技能培训,2021-10,']));
    expect(blank.counts).toMatchObject({ blank: 1, errors: 0 });
  });

  it('reads the region column under the names bureaus give it: 市州名称, 县区, 地市', async () => {
    for (const header of ['市州名称', '县区', '地市']) {
      const report = await importText(
        temp,
        csv([`指标编码,统计期,${header},数值`, '2021-T1-1,2021-06,长春市,5']),
        { dryRun: true },
      );
      expect(report.problems).toEqual([]);
      expect(report.changes.map((c) => c.region)).toEqual(['长春市']);
    }
  });

  it('reads a 合计 row under the cities as the province, under one city’s counties as that city, and drops it beside a 全省 row', async () => {
    const cities = await importText(
      temp,
      csv([
        '指标编码,地区,统计期,数值',
        '2021-T1-1,长春市,2021-06,5000',
        '2021-T1-1,吉 林,2021-06,3000',
        '2021-T1-1,合  计,2021-06,9000',
      ]),
    );
    expect(cities.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-06-30', '全省', 9000, 'cumulative'],
      ['2021-06-30', '吉林市', 3000, 'cumulative'],
      ['2021-06-30', '长春市', 5000, 'cumulative'],
    ]);
    expect(cities.layout?.summary).toContain('第4行为合计行，其余各行的地区同属“全省”，按“全省”导入。');

    // Counties of 长春市 (short forms as clerks write them): their 合计 is the city's.
    const counties = await importText(
      temp,
      csv([
        '指标编码,地区,统计期,数值',
        '2021-T1-2,公主岭,2021-06,10',
        '2021-T1-2,榆树市,2021-06,20',
        '2021-T1-2,总计,2021-06,30',
      ]),
    );
    expect(counties.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).map((r) => r[1])).toEqual(['公主岭市', '榆树市', '长春市']);

    // With the province's own row, or cities under different parents, a 合计 is not read.
    const both = await importText(
      temp,
      csv([
        '指标编码,地区,统计期,数值',
        '2021-T2-1,全 省,2021-06,90',
        '2021-T2-1,长春市,2021-06,91',
        '2021-T2-1,合计,2021-06,181',
      ]),
    );
    expect(both.problems).toEqual([]);
    expect((await stored(temp, '2021-T2-1')).map((r) => [r[1], r[2]])).toEqual([
      ['全省', 90],
      ['长春市', 91],
    ]);
    expect(both.layout?.summary).toContain('第4行为合计行（未导入），已跳过。');
  });

  it('reads a table of regions by indicator (市州 | 职业技能培训（万人） | 新筹集公租房), its period in the title', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年1-9月各市州重点指标完成情况',
        '市州,职业技能培训（万人）,新筹集公租房,备注',
        '长春市,0.5,20,',
        '吉林市,0.3,10,',
        '合计,0.8,30,',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('committed');
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-09-30', '全省', 8000, 'cumulative'],
      ['2021-09-30', '吉林市', 3000, 'cumulative'],
      ['2021-09-30', '长春市', 5000, 'cumulative'],
    ]);
    expect((await stored(temp, '2021-T1-2')).map((r) => [r[1], r[2]])).toEqual([
      ['全省', 30],
      ['吉林市', 10],
      ['长春市', 20],
    ]);
    // A 统计期 column gives each row's period (a 台账: one row per month and region).
    const ledger = await importText(
      temp,
      csv([
        '统计期,市州,职业技能培训（万人）,新筹集公租房',
        '2021-10,长春市,0.6,',
        '2021年11月,长春市,0.7,25',
      ]),
    );
    expect(ledger.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-1')).filter((r) => r[1] === '长春市')).toEqual([
      ['2021-09-30', '长春市', 5000, 'cumulative'],
      ['2021-10-31', '长春市', 6000, 'cumulative'],
      ['2021-11-30', '长春市', 7000, 'cumulative'],
    ]);
    expect((await stored(temp, '2021-T1-2')).filter((r) => r[1] === '长春市')).toEqual([
      ['2021-09-30', '长春市', 20, 'cumulative'],
      ['2021-11-30', '长春市', 25, 'cumulative'],
    ]);
    // Without a period anywhere, it says what to add.
    const undated = await importText(temp, csv(['市州,职业技能培训,新筹集公租房', '长春市,5000,20']));
    expect(undated.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'indicator_columns_without_period',
        '表头中的“职业技能培训”“新筹集公租房”是指标名称：这样的表（每个指标一列），请在标题中写明统计期（如“2021年1-9月”）后再上传。',
      ],
    ]);
  });

  it('reads figures under each indicator’s name in a two-row header: 本月 | 累计, a 统计期 column, months', async () => {
    const report = await importText(
      temp,
      toCsv([
        ['2021年1-9月各市州重点指标完成情况'],
        ['市州', '职业技能培训（人）', '', '新筹集公租房', ''],
        ['', '本月', '累计', '本月', '累计'],
        ['长春市', '500', '5000', '2', '20'],
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-09-30', '长春市', 5000, 'cumulative']]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-09-30', '长春市', 20, 'cumulative']]);
    // A 台账 of one row per month: each row's period, the 累计 of each indicator.
    const ledger = await importText(
      temp,
      toCsv([
        ['统计期', '市州', '职业技能培训', '', '新筹集公租房', ''],
        ['', '', '本月', '累计', '本月', '累计'],
        ['2021-10', '长春市', '600', '5600', '5', '25'],
      ]),
    );
    expect(ledger.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).map((r) => r[0])).toEqual(['2021-09-30', '2021-10-31']);
    // Periods under each indicator's name are that indicator's.
    const months = await importText(
      temp,
      toCsv([
        ['市州', '职业技能培训', '', '新筹集公租房', ''],
        ['', '1-3月', '1-6月', '1-3月', '1-6月'],
        ['吉林市', '900', '1800', '3', '6'],
      ]),
    );
    expect(months.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).filter((r) => r[1] === '吉林市')).toEqual([
      ['2021-03-31', '吉林市', 3, 'cumulative'],
      ['2021-06-30', '吉林市', 6, 'cumulative'],
    ]);
  });

  it('reads a table of indicators by region (指标名称 | 全省 | 长春市 | 吉 林), its period in the title', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年1-9月重点指标完成情况（分地区）',
        '指标名称,全省,长春市,吉 林,合计',
        '职业技能培训,12680,4200,2100,6300',
      ]),
    );
    expect(report.status).toBe('committed');
    // The 合计 column totals the row: left out, as any column it cannot name.
    expect(report.problems.map((p) => [p.code, p.column])).toEqual([['unknown_column', '合计']]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-09-30', '全省', 12680, 'cumulative'],
      ['2021-09-30', '吉林市', 2100, 'cumulative'],
      ['2021-09-30', '长春市', 4200, 'cumulative'],
    ]);
    // With a period column beside the regions, each row's period.
    const dated = await importText(
      temp,
      csv(['指标名称,统计期,长春市,吉林市', '职业技能培训,2021-06,4200,2100', '职业技能培训,2021-05,3000,']),
    );
    expect(dated.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-1')).filter((r) => String(r[0]) < '2021-07')).toEqual([
      ['2021-05-31', '长春市', 3000, 'cumulative'],
      ['2021-06-30', '吉林市', 2100, 'cumulative'],
      ['2021-06-30', '长春市', 4200, 'cumulative'],
    ]);
  });

  it('reports a row repeated in a table of regions by indicator once, not once per indicator column', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年1-9月各市州重点指标完成情况',
        '市州,职业技能培训,新筹集公租房',
        '长春市,5000,20',
        '长春市,5000,20',
      ]),
    );
    expect(report.problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [4, 'duplicate_key', '与第3行重复：同一指标、地区、统计期在文件中出现了两次'],
    ]);
    expect(report.counts.errors).toBe(1);
  });

  it('reads a region column headed 其中：长春市 beside 全省 as 长春市’s', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年1-9月重点指标完成情况（分地区）',
        '指标名称,全省,其中：长春市,吉林市',
        '职业技能培训,12680,4200,2100',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-09-30', '全省', 12680, 'cumulative'],
      ['2021-09-30', '吉林市', 2100, 'cumulative'],
      ['2021-09-30', '长春市', 4200, 'cumulative'],
    ]);
  });

  it("leaves out last year's columns of a comparison (2020年1-9月 | 2021年1-9月 | 增幅)", async () => {
    const report = await importText(
      temp,
      csv(['指标名称,2020年1-9月,2021年1-9月,增幅（%）', '职业技能培训,9000,12680,40.9']),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-09-30', '全省', 12680, 'cumulative']]);
    expect(report.layout?.summary).toContain('“2020年1-9月”列未导入：上年同期数，只用于比较。');
  });

  it('reads a statistics form by the period in its title: 本月 beside 1-10月累计 keeps the cumulative one', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年10月重点指标完成情况',
        '指标名称,本月,1-10月累计,完成率（%）',
        '职业技能培训,3000,30000,83.3',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-10-31', '全省', 30000, 'cumulative']]);
    expect(report.layout?.summary).toContain('“完成率（%）”列未导入：为计算或计划数，不作为完成值导入。');
    expect(report.layout?.summary).toContain('“本月”列未导入：表中已有按统计期分列的数值。');
  });

  it('reads 其中 rows: a region as the row above’s figure for it, an indicator as itself, other parts left out', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年1-6月重点指标完成情况',
        '指标名称,单位,1-6月累计',
        '职业技能培训,人,30000',
        '其中：长春市,人,12000',
        '  其中: 吉 林,人,8000',
        '新筹集公租房,套,500',
        '其中：城镇中等偏下收入家庭,套,200',
        '其中：,,',
        '  新就业职工,套,100',
        '  外来务工人员,套,50',
        '其中：县域内就诊率,%,91',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-06-30', '全省', 30000, 'cumulative'],
      ['2021-06-30', '吉林市', 8000, 'cumulative'],
      ['2021-06-30', '长春市', 12000, 'cumulative'],
    ]);
    // The parts of 新筹集公租房 are not its figure, nor indicators of their own.
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-06-30', '全省', 500, 'cumulative']]);
    expect((await stored(temp, '2021-T2-1')).map((r) => r[2])).toEqual([91]);
    expect(report.layout?.summary).toEqual([
      '第1行为标题，第7–10行为“其中”所列的分项（未导入），已跳过；表头在第2行。',
      '标题中的统计期为2021年1-6月。',
      '第4–5行为“其中”所列的地区，按上一行的指标导入为该地区的数值。',
    ]);

    // 其中：<the same indicator>（以工代训） is a part of the row above, not that indicator again.
    const same = await importText(
      temp,
      csv([
        '指标名称,统计期,数值',
        '职业技能培训,2021-08,40000',
        '其中：职业技能培训（以工代训）,2021-08,20000',
      ]),
    );
    expect(same.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-1')).filter((r) => r[0] === '2021-08-31')).toEqual([
      ['2021-08-31', '全省', 40000, 'cumulative'],
    ]);
    expect(same.layout?.summary).toContain('第3行为“其中”所列的分项（未导入），已跳过。');

    // In a region column the mark is taken off: 其中：朝阳区 under 长春市 is 朝阳区's.
    const counties = await importText(
      temp,
      csv([
        '指标编码,地区,统计期,数值',
        '2021-T1-1,长春市,2021-07,13000',
        '2021-T1-1,其中：朝阳区,2021-07,900',
      ]),
    );
    expect(counties.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-1')).filter((r) => r[0] === '2021-07-31').map((r) => r[1])).toEqual([
      '朝阳区',
      '长春市',
    ]);
  });

  it('reads a table without an indicator column as the one indicator its title names', async () => {
    const report = await importText(
      temp,
      csv(['2021年1-9月各市州新筹集公租房开工情况', '市州,开工套数', '长春市,500', '吉 林,300']),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-2')).toEqual([
      ['2021-09-30', '吉林市', 300, 'cumulative'],
      ['2021-09-30', '长春市', 500, 'cumulative'],
    ]);
    expect(report.layout?.summary).toContain('表中没有指标列，标题中的指标为“新筹集公租房”。');

    // A period column instead of the title's period.
    const long = await importText(temp, csv(['职业技能培训完成情况', '统计期,数值', '2021-06,1800']));
    expect(long.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-06-30', '全省', 1800, 'cumulative']]);

    // A title naming none (or two) is told what to write, with the nearest name.
    for (const title of ['2021年1-9月各市州公租房新筹集情况', '2021年1-9月职业技能培训和新筹集公租房情况']) {
      const none = await importText(temp, csv([title, '地区,完成数', '长春市,500']), { dryRun: true });
      expect(none.problems.map((p) => p.code)).toEqual(['missing_column']);
      expect(none.problems[0]?.message).toContain(`标题“${title}”中也没有指标目录中的指标名称`);
    }
    const none = await importText(
      temp,
      csv(['2021年1-9月各市州公租房新筹集情况', '地区,完成数', '长春市,500']),
      {
        dryRun: true,
      },
    );
    expect(none.problems[0]?.message).toContain(
      '（最接近的是“新筹集公租房”）。整张表是同一个指标的，可以在标题中写出指标目录中的名称（如“2021年1-9月新筹集公租房完成情况”），或增加“指标名称”列。',
    );
  });

  it('reads a 单位 column of regions (填报单位) as the region, and one of units as units', async () => {
    const report = await importText(
      temp,
      csv([
        '单位,指标名称,1-9月',
        '长春市,新筹集公租房,500',
        '延边州,新筹集公租房,300',
        // Jilin's tables list 长白山管委会 beside the nine 市（州）.
        '长白山保护开发区,新筹集公租房,20',
        '合计,新筹集公租房,820',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-2')).toEqual([
      ['2021-09-30', '全省', 820, 'cumulative'],
      ['2021-09-30', '延边朝鲜族自治州', 300, 'cumulative'],
      ['2021-09-30', '长春市', 500, 'cumulative'],
      ['2021-09-30', '长白山管委会', 20, 'cumulative'],
    ]);
    const units = await importText(temp, csv(['指标名称,单位,1-9月', '职业技能培训,万人,1.5']));
    expect(units.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-09-30', '全省', 15000, 'cumulative']]);
  });

  it('reads a statistics form: 代码 line numbers, 本月 beside 本月止累计, sign-off rows without a colon', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年9月住房保障统计月报',
        '指标名称,代码,计量单位,本月,本月止累计',
        '职业技能培训,01,人,1500,12000',
        '新筹集公租房,02,套,20,300',
        '联系电话,,,13904310000,',
        '审核人,,,李四,',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-09-30', '全省', 12000, 'cumulative']]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-09-30', '全省', 300, 'cumulative']]);
    expect(report.layout?.summary).toContain('“代码”列未导入：为表中的行次，指标按“指标名称”列读取。');
    expect(report.layout?.summary).toContain('第1行为标题，第5–6行为注释，已跳过；表头在第2行。');
    // 1-本月 and 自年初累计 are year to date too.
    for (const header of ['1-本月', '自年初累计']) {
      const form = await importText(
        temp,
        csv(['2021年10月统计月报', `指标名称,本月,${header}`, '职业技能培训,900,12900']),
        {
          dryRun: true,
        },
      );
      expect(form.changes.map((c) => [c.value, c.basis])).toEqual([[12900, 'cumulative']]);
    }
  });

  it('reads the region of a form without a region column from its 填报单位 line or its title', async () => {
    const reporter = await importText(
      temp,
      csv(['填报单位：四平市住房和城乡建设局', '2021年9月', '指标名称,本年累计', '新筹集公租房,60']),
    );
    expect(reporter.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-09-30', '四平市', 60, 'cumulative']]);
    expect(reporter.layout?.summary).toContain(
      '填报单位为“四平市住房和城乡建设局”，未填地区的行按“四平市”导入。',
    );
    const titled = await importText(
      temp,
      csv(['延边州2021年1-9月保障性安居工程完成情况', '指标名称,累计完成', '新筹集公租房,45']),
    );
    expect(titled.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).map((r) => r[1])).toEqual(['四平市', '延边朝鲜族自治州']);
    expect(titled.layout?.summary).toContain(
      '标题中的地区为“延边朝鲜族自治州”，未填地区的行按“延边朝鲜族自治州”导入。',
    );
    // The province's own title says nothing new: its rows are the province's anyway.
    const province = await importText(
      temp,
      csv(['吉林省2021年1-9月重点指标', '指标名称,累计完成', '职业技能培训,100']),
    );
    expect(province.layout?.summary.join('')).not.toContain('未填地区的行');
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-09-30', '全省', 100, 'cumulative']]);
  });

  it('takes a row’s unit (名称（万人）) over its column’s of the same or another kind, and reads semicolons and Excel date serials', async () => {
    const units = await importText(
      temp,
      csv([
        '指标名称,统计期,累计完成（套）',
        '新筹集公租房（万套）,2021-06,0.12',
        '职业技能培训（万人）,2021-06,6.1',
      ]),
    );
    expect(units.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-06-30', '全省', 1200, 'cumulative']]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-06-30', '全省', 61000, 'cumulative']]);
    // A CSV saved with ; as the list separator; 6,1 (a decimal comma) is no number, not 61.
    const semicolons = await importText(
      temp,
      '指标名称;统计期;累计完成\r\n新筹集公租房;2021-07;1300\r\n职业技能培训;2021-07;6,1万\r\n',
      {
        dryRun: true,
      },
    );
    expect(semicolons.problems.map((p) => [p.line, p.code])).toEqual([[3, 'bad_number']]);
    // 44439 is 2021-08-31 as Excel counts days, left unformatted.
    const serial = await importText(temp, csv(['指标名称,统计期,累计完成', '新筹集公租房,44439,1400']));
    expect(serial.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).at(-1)).toEqual(['2021-08-31', '全省', 1400, 'cumulative']);
  });

  it('reads values as systems and clerks write them: ="1200", 800（套）, 约6.1万, and says what to change in the others', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,统计期,累计完成',
        '新筹集公租房,="2021-09",="1200"',
        '新筹集公租房,2021-10,1300（套）',
        '职业技能培训,2021-09,约1.5万人',
        '职业技能培训,2021-10,1.6E+04',
        '职业技能培训,2021-11,1.7万人（含线上）',
      ]),
      { dryRun: true },
    );
    expect(report.changes.map((c) => [c.line, c.period, c.value])).toEqual([
      [2, '2021-09-30', 1200],
      [3, '2021-10-31', 1300],
      [4, '2021-09-30', 15000],
    ]);
    expect(report.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [4, 'approximate_value', 'warning'],
      [5, 'bad_number', 'error'],
      [6, 'bad_number', 'error'],
    ]);
    expect(report.problems[1]?.message).toContain('这是科学计数法');
    expect(report.problems[2]?.message).toContain('括号中的说明请写在“备注”列');
  });

  it('reads months across under 各月完成（当月数） as monthly amounts', async () => {
    const report = await importText(
      temp,
      csv(['指标名称,各月完成（当月数）,,', ',1月,2月,3月', '新筹集公租房,10,20,30']),
      { dryRun: true },
    );
    expect(report.problems).toEqual([]);
    expect(report.changes.map((c) => [c.period, c.value, c.basis])).toEqual([
      ['2021-01-31', 10, 'increment'],
      ['2021-02-28', 20, 'increment'],
      ['2021-03-31', 30, 'increment'],
    ]);
  });

  it('refuses a sheet of two tables instead of losing one: above the header, or below it under another header', async () => {
    const above = await importText(
      temp,
      toCsv([
        ['2021年1-9月全省指标完成情况'],
        ['指标名称', '累计完成'],
        ['职业技能培训', '12000'],
        [''],
        ['2021年1-9月各市州完成情况'],
        ['地区', '指标名称', '累计完成'],
        ['长春市', '职业技能培训', '5000'],
      ]),
      { dryRun: true },
    );
    expect(above.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'no_header',
        '第2行和第6行各有一行表头：一张工作表（或一个 CSV 文件）只能放一张表，两张表的行无法按同一表头读取。请把每张表放在单独的工作表中（或另存为单独的 CSV）后再上传。',
      ],
    ]);
    const below = await importText(
      temp,
      toCsv([
        ['2021年1-9月重点指标完成情况'],
        ['指标名称', '单位', '累计完成'],
        ['职业技能培训', '人', '25000'],
        [''],
        ['表三 各市州新筹集公租房'],
        ['地区', '新筹集公租房（套）'],
        ['长春市', '500'],
      ]),
      { dryRun: true },
    );
    expect(below.problems.map((p) => [p.line, p.code])).toEqual([[6, 'another_table']]);
  });

  it('reads a form’s region from a 填报单位（盖章） line, a region named inside the title, and counties after their city', async () => {
    const sealed = await importText(
      temp,
      csv(['填报单位（盖章）：延边州住房和城乡建设局', '2021年9月', '指标名称,本年累计', '新筹集公租房,60']),
    );
    expect(sealed.problems).toEqual([]);
    const titled = await importText(
      temp,
      csv(['关于报送白山市2021年1-9月保障性安居工程完成情况', '指标名称,累计完成', '新筹集公租房,45']),
    );
    expect(titled.problems).toEqual([]);
    // 长春都市圈 names no region: a title counts only a full name (长春市, 延边州).
    const topic = await importText(
      temp,
      csv(['2021年1-9月长春都市圈建设情况', '指标名称,累计完成', '新筹集公租房,70']),
    );
    expect(topic.problems).toEqual([]);
    const counties = await importText(
      temp,
      csv([
        '地区,指标名称,统计期,累计完成',
        '长春市南关区,新筹集公租房,2021-09,30',
        '白山市长白县,新筹集公租房,2021-09,5',
      ]),
    );
    expect(counties.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).map((r) => [r[1], r[2]])).toEqual([
      ['全省', 70],
      ['南关区', 30],
      ['延边朝鲜族自治州', 60],
      ['白山市', 45],
      ['长白朝鲜族自治县', 5],
    ]);
  });

  it('reads 合计 as the province where no row names it (all 合计, or only this indicator’s), 全省合计 as the province', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,地区,统计期,累计完成',
        '职业技能培训,全省,2021-09,12000',
        '职业技能培训,长春市,2021-09,3200',
        '新筹集公租房,合计,2021-09,540',
        '新筹集公租房,长春市,2021-09,150',
        '县域内就诊率,全省合计,2021-09,91',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).map((r) => [r[1], r[2]])).toEqual([
      ['全省', 540],
      ['长春市', 150],
    ]);
    expect((await stored(temp, '2021-T2-1')).map((r) => [r[1], r[2]])).toEqual([['全省', 91]]);
    const totalsOnly = await importText(
      temp,
      csv(['指标名称,地区,统计期,累计完成', '职业技能培训,合计,2021-10,13000']),
    );
    expect(totalsOnly.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-1')).at(-1)).toEqual(['2021-10-31', '全省', 13000, 'cumulative']);
    // A 合计 row of a 台账's months (a total in the period column) is left out, not a bad period.
    const ledger = await importText(
      temp,
      csv(['新筹集公租房完成情况', '月份,本月完成', '2021-11,20', '合计,20']),
      {
        dryRun: true,
      },
    );
    expect(ledger.problems).toEqual([]);
  });

  it('reads what a cell may carry around a figure or a name, and months beside a year to date', async () => {
    const cells = await importText(
      temp,
      csv([
        '指标名称,统计期,累计完成',
        '2021-T1-2新筹集公租房,2021年第三季度,900*',
        "职业技能培训,'2021-09,'25000",
      ]),
      { dryRun: true },
    );
    expect(cells.problems).toEqual([]);
    // A quarter in the period cell names the month: the 累计完成 header says the basis.
    expect(cells.changes.map((c) => [c.code, c.period, c.value, c.basis])).toEqual([
      ['2021-T1-2', '2021-09-30', 900, 'cumulative'],
      ['2021-T1-1', '2021-09-30', 25000, 'cumulative'],
    ]);
    const months = await importText(
      temp,
      csv(['2021年重点指标', '指标名称,7月,8月,9月,1-9月累计', '新筹集公租房,100,120,130,900']),
      {
        dryRun: true,
      },
    );
    expect(months.problems).toEqual([]);
    expect(months.changes.map((c) => [c.period, c.value, c.basis])).toEqual([
      ['2021-07-31', 100, 'increment'],
      ['2021-08-31', 120, 'increment'],
      ['2021-09-30', 900, 'cumulative'],
    ]);
    const titled = await importText(
      temp,
      csv(['2021年各月完成情况（当月数）', '指标名称,1月,2月', '新筹集公租房,10,20']),
      {
        dryRun: true,
      },
    );
    expect(titled.changes.map((c) => c.basis)).toEqual(['increment', 'increment']);
  });

  it('reads 市州 beside 县区 as two levels: the county, or the city where no county is given', async () => {
    const report = await importText(
      temp,
      csv([
        '市州,县区,指标名称,统计期,累计完成',
        '长春市,,新筹集公租房,2021-09,500',
        '长春市,南关区,新筹集公租房,2021-09,300',
        ',宽城区,新筹集公租房,2021-09,200',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect((await stored(temp, '2021-T1-2')).map((r) => [r[1], r[2]])).toEqual([
      ['南关区', 300],
      ['宽城区', 200],
      ['长春市', 500],
    ]);
  });

  it('reads periods as clerks also write them: 21年9月, 截至2021年9月末, 2021-07-31 and 九月 over a column', async () => {
    const cells = await importText(
      temp,
      csv(['指标名称,统计期,累计完成', '新筹集公租房,21年9月,100', '职业技能培训,截至2021年9月末,200']),
      { dryRun: true },
    );
    expect(cells.problems).toEqual([]);
    expect(cells.changes.map((c) => [c.period, c.basis])).toEqual([
      ['2021-09-30', 'cumulative'],
      ['2021-09-30', 'cumulative'],
    ]);
    for (const header of ['指标名称,2021-07-31,2021/8/31', '指标名称,七月,八月']) {
      const columns = await importText(temp, csv(['2021年完成情况', header, '新筹集公租房,10,20']), {
        dryRun: true,
      });
      expect(columns.problems).toEqual([]);
      expect(columns.changes.map((c) => c.period)).toEqual(['2021-07-31', '2021-08-31']);
    }
  });

  it('reads period phrases in a period column: 一季度, 2021年1-6月, 二季度 (an increment)', async () => {
    const report = await importText(
      temp,
      csv([
        '2021年指标完成情况',
        '指标编码,统计期,数值',
        '2021-T1-1,一季度,900',
        '2021-T1-1,2021年1-6月,1800',
        '2021-T1-2,二季度,50',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-03-31', '全省', 900, 'cumulative'],
      ['2021-06-30', '全省', 1800, 'cumulative'],
    ]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-06-30', '全省', 50, 'increment']]);
  });

  it('scales values by a unit in the header (完成值（万人）) and warns when the sheet’s target differs', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,统计期,年度目标（万人）,完成值（万人）',
        '职业技能培训,2021-06,3.5,1.8',
        '职业技能培训,2021-07,3.5,两万',
      ]),
    );
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [2, 'target_mismatch', 'warning'],
      [3, 'bad_number', 'error'],
      [3, 'target_mismatch', 'warning'],
    ]);
    expect(report.problems[0]?.message).toBe(
      '目标值“3.5”（万人，即 35,000）与指标目录中 2021-T1-1 的目标值 36,000人 不一致，请核对（目标值列只用于核对，不作为完成值导入）',
    );
    const ok = await importText(
      temp,
      csv(['指标名称,统计期,年度目标（万人）,完成值（万人）', '职业技能培训,2021-06,3.6,1.8']),
    );
    expect(ok.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-06-30', '全省', 18000, 'cumulative']]);
    expect(ok.changes[0]).toMatchObject({ value_raw: '1.8万', value: 18000 });
  });

  it('resolves names with list numbers and units, and suggests the nearest for one it cannot', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,1-3月',
        '1.职业技能培训（万人）,0.5',
        '（二）新筹集 公租房（套）,10',
        '职业培训（万人）,1',
      ]),
    );
    expect(report.problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [4, 'unknown_indicator', '指标目录中没有名为“职业培训”的指标，最接近的是 2021-T1-1 职业技能培训'],
    ]);
    const fixed = await importText(
      temp,
      csv(['指标名称,1-3月', '1.职业技能培训（万人）,0.5', '（二）新筹集 公租房（套）,10']),
    );
    expect(fixed.status).toBe('committed');
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-03-31', '全省', 5000, 'cumulative']]);
    expect(await stored(temp, '2021-T1-2')).toEqual([['2021-03-31', '全省', 10, 'cumulative']]);
  });

  it('applies a table’s 单位：万人 only to indicators counted in 人, never to a percentage or 套', async () => {
    const report = await importText(
      temp,
      csv([
        '指标名称,1-3月,1-6月,单位：万人',
        '职业技能培训,0.9,1.8,',
        '新筹集公租房,200,400,',
        '县域内就诊率,88.5,89,',
      ]),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-03-31', '全省', 9000, 'cumulative'],
      ['2021-06-30', '全省', 18000, 'cumulative'],
    ]);
    expect((await stored(temp, '2021-T1-2')).map((r) => r[2])).toEqual([200, 400]);
    expect((await stored(temp, '2021-T2-1')).map((r) => r[2])).toEqual([88.5, 89]);
    expect(report.layout?.summary).toContain(
      '表头上方的“单位：万人”的数值单位为“万人”，已乘以10,000（2个数值）。',
    );
  });

  it('warns when a unit line names several units, and reads the figures as written', async () => {
    const report = await importText(
      temp,
      csv(['（单位：万人、万户）', '指标名称,1-3月', '职业技能培训,9000']),
    );
    expect(report.status).toBe('committed');
    expect(report.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [1, 'unclear_unit', 'warning'],
    ]);
    expect((await stored(temp, '2021-T1-1')).map((r) => r[2])).toEqual([9000]);
  });

  it('reads 全年 before the periods as the annual target, not as December', async () => {
    const report = await importText(
      temp,
      csv(['指标名称,全年,1-3月,1-6月', '职业技能培训,30000,9000,18000']),
    );
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([[2, 'target_mismatch']]);
    expect((await stored(temp, '2021-T1-1')).map((r) => r[0])).toEqual(['2021-03-31', '2021-06-30']);
    expect(report.layout?.summary).toContain('“全年”列未导入：在各期之前，按年度目标读取（只用于核对）。');
  });

  it('skips a two-row header repeated lower down, and refuses another table’s header under the first', async () => {
    const header = ['指标名称,完成情况,', ',1-3月,1-6月'];
    const repeated = await importText(
      temp,
      csv([...header, '职业技能培训,9000,18000', ...header, '新筹集公租房,200,400']),
      { dryRun: true },
    );
    expect(repeated.problems).toEqual([]);
    expect(repeated.counts).toMatchObject({ lines: 2, new: 4 });
    expect(repeated.layout?.tables[0]?.skipped).toEqual([{ kind: 'header', rows: [4, 5] }]);
    const another = await importText(
      temp,
      csv(['指标名称,1-3月,1-6月', '职业技能培训,9000,18000', '', '指标名称,7月,8月', '新筹集公租房,20,40']),
    );
    expect(another.status).toBe('rejected');
    expect(another.problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [
        4,
        'another_table',
        '第4行像是另一张表的表头（与第1行的表头不同），其下的行无法按同一表头读取。请把每张表放在单独的工作表中（或另存为单独的 CSV）后再上传。',
      ],
    ]);
  });

  it('knows the value headers of statistics forms: 本年累计, 实际完成数', async () => {
    const report = await importText(
      temp,
      csv(['2021年6月报表', '指标名称,本月,本年累计,上年同期', '职业技能培训,3000,18000,16000']),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([['2021-06-30', '全省', 18000, 'cumulative']]);
  });

  it('reads a name merged down over regions (empty in the CSV) as the name of each row it spans', async () => {
    const report = await importText(
      temp,
      csv(['指标名称,地区,1-3月,1-6月', '职业技能培训（万人）,长春市,0.5,1', ',吉林市,0.4,0.8', ',,,']),
    );
    expect(report.problems).toEqual([]);
    expect(await stored(temp, '2021-T1-1')).toEqual([
      ['2021-03-31', '吉林市', 4000, 'cumulative'],
      ['2021-03-31', '长春市', 5000, 'cumulative'],
      ['2021-06-30', '吉林市', 8000, 'cumulative'],
      ['2021-06-30', '长春市', 10000, 'cumulative'],
    ]);
    expect(report.layout?.summary).toContain('第3行未填指标，按上一行的指标读取（合并单元格）。');
  });
});
