import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import.js';
import { importText, ingestStore } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';
import { toCsv, writeWorkbook } from './sheets.js';

const CODES = ['2021-T1-1', '2021-T1-2', '2021-T2-1'];
const NAMES: Record<string, string> = {
  '2021-T1-1': '职业技能培训',
  '2021-T1-2': '新筹集公租房',
  '2021-T2-1': '县域内就诊率',
};

/** A valid table: long (code, period, value) or wide (name, one column per cumulative period). */
const table = fc.oneof(
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...CODES), fc.integer({ min: 1, max: 12 })), {
      minLength: 1,
      maxLength: 6,
      selector: ([code, month]) => `${code}-${month}`,
    })
    .chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: keys.length, maxLength: keys.length }),
      ),
    )
    .map(([keys, values]) => [
      ['指标编码', '统计期', '数值'],
      ...keys.map(([code, month], i) => [code, `2021-${String(month).padStart(2, '0')}`, String(values[i])]),
    ]),
  fc
    .tuple(
      fc.subarray(['1-3月', '1-6月', '1-9月', '1-10月', '全年'], { minLength: 1 }),
      fc.subarray(CODES, { minLength: 1 }),
    )
    .chain(([periods, codes]) =>
      fc
        .array(fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }), {
          minLength: periods.length * codes.length,
          maxLength: periods.length * codes.length,
        })
        .map((values) => [
          ['指标名称', ...periods],
          ...codes.map((code, r) => [
            NAMES[code] ?? code,
            ...periods.map((_, c) => {
              const v = values[r * periods.length + c];
              return v === null || v === undefined ? '' : String(v);
            }),
          ]),
        ]),
    ),
);

/** What a clerk puts around a table: titles, 填报单位, blank rows, a 序号 column, notes under it. */
const decoration = fc.record({
  titles: fc.subarray([
    ['2021年新型城镇化重点任务指标完成情况'],
    ['填报单位：省统计局', '', '填报日期：2021年11月5日'],
    ['（单位：见各指标）'],
  ]),
  blankAboveHeader: fc.boolean(),
  serial: fc.boolean(),
  blankRowsAt: fc.array(fc.nat(), { maxLength: 3 }),
  notes: fc.subarray([
    ['注：1-10月数据为快报数。'],
    ['填报人：张三', '', '审核人：李四'],
    ['说明：空白表示未报送。'],
  ]),
  as: fc.constantFrom('csv-utf-8' as const, 'csv-gb18030' as const, 'xlsx' as const),
});

type Decoration = {
  titles: string[][];
  blankAboveHeader: boolean;
  serial: boolean;
  blankRowsAt: number[];
  notes: string[][];
  as: 'csv-utf-8' | 'csv-gb18030' | 'xlsx';
};

function decorate(rows: string[][], d: Decoration): string[][] {
  const [header = [], ...data] = rows;
  const body = data.map((row, i) => (d.serial ? [String(i + 1), ...row] : row));
  for (const at of d.blankRowsAt) body.splice(at % (body.length + 1), 0, []);
  return [
    ...d.titles,
    ...(d.blankAboveHeader ? [[]] : []),
    d.serial ? ['序号', ...header] : header,
    ...body,
    ...d.notes,
  ];
}
describe('ingest: a table is read the same whatever a clerk puts around it', () => {
  let temp: TempStore;
  let runs = 0;
  beforeAll(async () => {
    temp = await ingestStore();
  });
  afterAll(async () => {
    console.log(`layout property: ${runs} decorated tables tried`);
    await temp.cleanup();
  });

  /** What an upload would import, as comparable facts (lines differ by design). */
  const imported = (report: Awaited<ReturnType<typeof importText>>) => {
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return report.changes
      .map((c) => `${c.code} ${c.region} ${c.period} ${c.value} ${c.basis}`)
      .sort()
      .join('\n');
  };

  it('title rows, note rows, a 序号 column and blank separator rows do not change what is imported', async () => {
    await fc.assert(
      fc.asyncProperty(table, decoration, async (rows, d) => {
        runs += 1;
        const plain = imported(await importText(temp, toCsv(rows), { dryRun: true }));
        fc.pre(plain !== '');
        const decorated = decorate(rows, d);
        let report: Awaited<ReturnType<typeof importText>>;
        if (d.as === 'xlsx') {
          const file = path.join(temp.dir, `decorated-${runs}.xlsx`);
          await writeWorkbook(file, [
            {
              name: '台账',
              fill: (sheet) => {
                for (const row of decorated)
                  sheet.addRow(
                    row.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell === '' ? null : cell)),
                  );
              },
            },
          ]);
          report = await importFile(temp.store, file, {
            fileName: 'decorated.xlsx',
            by: 'test',
            dryRun: true,
          });
        } else {
          report = await importText(temp, toCsv(decorated), {
            dryRun: true,
            encoding: d.as === 'csv-gb18030' ? 'gb18030' : 'utf-8',
          });
        }
        expect(imported(report)).toBe(plain);
      }),
      { numRuns: 24, seed: 20211105 },
    );
  }, 180_000);
});
