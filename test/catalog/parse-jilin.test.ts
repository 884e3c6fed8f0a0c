import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, readCatalog } from '../../src/catalog/parse.js';
import type { Catalog, Indicator, Task } from '../../src/catalog/types.js';
import { loadConfig } from '../../src/config.js';

const source = readFileSync(
  path.join(loadConfig({}).seedsDir, 'jilin-2021-new-urbanization-key-tasks.txt'),
  'utf8',
);

describe('catalog/parseDocument on the Jilin 2021 document', () => {
  let catalog: Catalog;
  let task: (seq: number) => Task;
  const numeric = (t: Task) => t.indicators.filter((i) => i.kind !== 'milestone');
  beforeAll(() => {
    catalog = parseDocument(source, { id: 'jilin-2021' });
    task = (seq) => {
      const found = catalog.tasks.find((t) => t.seq === seq);
      if (!found) throw new Error(`no task ${seq}`);
      return found;
    };
  });

  it('finds 6 parts, 22 sections, 58 tasks and 27 departments', () => {
    expect(catalog.document).toEqual({
      id: 'jilin-2021',
      title: '吉林省2021年新型城镇化建设和城乡融合发展重点任务',
      year: 2021,
    });
    expect(catalog.parts).toHaveLength(6);
    expect(catalog.sections).toHaveLength(22);
    expect(catalog.tasks.map((t) => t.seq)).toEqual(Array.from({ length: 58 }, (_, i) => i + 1));
    expect(new Set(catalog.tasks.flatMap((t) => t.departments)).size).toBe(27);
  });

  it('reads the section written with half-width brackets and keeps titles clean', () => {
    expect(catalog.sections[12]).toEqual({ no: 13, part: 4, title: '建设低碳绿色城市' });
    for (const title of [...catalog.parts, ...catalog.sections].map((x) => x.title)) {
      expect(title).not.toMatch(/^[（(一二三四五六七八九十]|\s$/);
    }
    expect(task(30).section).toBe(13);
  });

  it('gives every task at least one department and one indicator', () => {
    for (const t of catalog.tasks) {
      expect(t.departments.length, `task ${t.seq}`).toBeGreaterThan(0);
      expect(t.indicators.length, `task ${t.seq}`).toBeGreaterThan(0);
    }
  });

  it('reads how departments share a task', () => {
    expect(task(3)).toMatchObject({ departments: ['省教育厅', '省委编办'], departmentMode: 'separate' });
    expect(task(13)).toMatchObject({ departments: ['省发展改革委'], departmentMode: 'lead' });
    expect(task(15)).toMatchObject({
      departments: ['省发展改革委', '省自然资源厅'],
      departmentMode: 'separate',
    });
    expect(task(19).departments).toEqual([
      '省发展改革委',
      '省财政厅',
      '国开行吉林省分行',
      '农发行吉林省分行',
    ]);
    expect(task(28)).toMatchObject({ departments: ['省住房城乡建设厅', '省政数局'], departmentMode: 'sole' });
    // The typo 省文旅厅省、自然资源厅 is two departments.
    expect(task(44).departments).toEqual(['省文旅厅', '省自然资源厅']);
  });

  it('leaves the department parenthetical and the closing paragraph out of task texts', () => {
    expect(task(10).text.endsWith('12万人次以上。')).toBe(true);
    expect(task(58).text).toBe(
      '将梅河口市、公主岭市、前郭县、珲春市、通榆县5个县市纳入试验范围，与长吉片区改革试验同步规划、同步推进、同步考核。推动5县（市）制定试点实施方案。',
    );
  });

  it('reads task 10 as 3.6万人 and 12万人次, both at least', () => {
    expect(task(10).indicators).toEqual([
      {
        code: '2021-T10-1',
        name: '农民工向农技工转型培训',
        value: 36000,
        unit: '人',
        comparator: '>=',
        deadline: '2021-12-31',
        kind: 'count',
        recurrence: null,
        source: '3.6万人以上',
      },
      {
        code: '2021-T10-2',
        name: '农民工稳就业职业技能培训',
        value: 120000,
        unit: '人次',
        comparator: '>=',
        deadline: '2021-12-31',
        kind: 'count',
        recurrence: null,
        source: '12万人次以上',
      },
    ]);
  });

  it('extracts every quantitative target of the document, and nothing else', () => {
    const all = catalog.tasks.flatMap((t) =>
      numeric(t).map((i: Indicator) => [t.seq, i.value, i.unit, i.comparator, i.kind, i.deadline]),
    );
    expect(all).toEqual([
      [9, 300, '人', '~', 'count', '2021-12-31'],
      [10, 36000, '人', '>=', 'count', '2021-12-31'],
      [10, 120000, '人次', '>=', 'count', '2021-12-31'],
      [16, 126, '公里', '=', 'count', '2021-12-31'],
      [21, 88, '公里', '=', 'count', '2021-12-31'],
      [21, 50.5, '公里', '=', 'count', '2021-12-31'],
      [22, 100, '%', '=', 'coverage', '2021-12-31'],
      [23, 80, '个', '=', 'count', '2021-12-31'],
      [26, 15800, '套', '=', 'count', '2021-12-31'],
      [26, 86000, '户', '=', 'count', '2021-12-31'],
      [26, 1000, '套', '=', 'count', '2021-12-31'],
      [37, 3, '个', '=', 'count', '2021-12-31'],
      [37, 31000, '件', '=', 'count', '2021-12-31'],
      [37, 7000, '件', '=', 'count', '2021-12-31'],
      [37, 2000, '个', '=', 'count', '2021-12-31'],
      [40, 1623, '个', '=', 'count', '2021-12-31'],
      [40, 100, '%', '=', 'coverage', '2021-10-31'],
      [40, 100, '%', '=', 'coverage', '2021-10-31'],
      [44, 20, '处', '=', 'count', '2021-12-31'],
      [46, 30, '平方米', '>=', 'level', '2021-12-31'],
      [48, 10, '项', '=', 'count', '2021-12-31'],
      [53, 30, '条', '>=', 'count', '2021-12-31'],
      [56, 90, '%', '>=', 'level', '2021-12-31'],
    ]);
  });

  it('does not take eligibility rules, ages, standards, titles, ordinals or list counts for targets', () => {
    // 5年以上 (2), 3-6岁 (4), 半年以上 (5), 第七次 (12), 等4个项目 (16), 4大领域17项 (19),
    // “761” (29), 2021-2030年 in 《》 (30), PM2.5 and O3 (31), 2020年度 (33),
    // 每3000-4000户 (45), 3个国家宅基地改革试点 (51), 5项试验任务 (57), 5个县市 (58).
    for (const seq of [2, 4, 5, 12, 19, 29, 30, 31, 33, 45, 51, 57, 58]) {
      expect(numeric(task(seq)), `task ${seq}`).toEqual([]);
    }
    // …等3个项目88公里: the count restates the list, the length after it is a target;
    // 距边境3公里范围内 is a criterion.
    expect(numeric(task(21)).map((i) => i.value)).toEqual([88, 50.5]);
    expect(numeric(task(22)).map((i) => i.unit)).toEqual(['%']);
    expect(numeric(task(16)).map((i) => i.value)).toEqual([126]);
    // 制定棉大衣、棉被和取暖炉3个…技术规范 makes what it lists: a target, as are the purchases.
    expect(numeric(task(37)).map((i) => i.value)).toEqual([3, 31000, 7000, 2000]);
    // 加快两批80个特色产业小镇建设: the towns are to be built.
    expect(numeric(task(23)).map((i) => [i.value, i.unit])).toEqual([[80, '个']]);
  });

  it('tracks tasks without a number as milestones, with a deadline when the task gives one', () => {
    expect(task(1).indicators).toEqual([
      expect.objectContaining({
        code: '2021-T1-1',
        kind: 'milestone',
        value: null,
        unit: null,
        deadline: '2021-12-31',
      }),
    ]);
    expect(task(18).indicators).toEqual([
      expect.objectContaining({
        name: '基本完成站房主体工程',
        kind: 'milestone',
        deadline: '2021-12-31',
        source: '力争年底前基本完成站房主体工程',
      }),
    ]);
    const milestones = catalog.tasks.filter((t) => numeric(t).length === 0);
    expect(milestones).toHaveLength(44);
  });

  it('names the 10月底前 targets with their own deadline and keeps the year that tells them apart', () => {
    expect(task(40).indicators.map((i) => [i.name, i.deadline])).toEqual([
      ['开工改造老旧小区', '2021-12-31'],
      ['2020年改造任务完工', '2021-10-31'],
      ['2021年改造任务开工', '2021-10-31'],
    ]);
  });

  it('gives stable, unique codes', () => {
    const codes = catalog.tasks.flatMap((t) => t.indicators.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(parseDocument(source, { id: 'jilin-2021' })).toEqual(catalog);
    expect(codes.every((c) => /^2021-T\d+-\d+$/.test(c))).toBe(true);
  });

  it('names milestones by the clause that says what is to be done', () => {
    expect(task(12).indicators[0]?.name).toBe('建立和完善人口变动调查制度');
    expect(task(2).indicators[0]?.name).toBe('落实重点群体落户政策');
    expect(task(42).indicators[0]?.name).toBe('研究制定国土空间总体规划编制技术文件');
    expect(task(58).indicators[0]?.name).toBe('将梅河口市等5个县市纳入试验范围');
  });

  it('gives the lead department', () => {
    expect(task(1).lead).toBe('省公安厅');
    expect(task(13)).toMatchObject({ lead: '省发展改革委', departmentMode: 'lead' });
    expect(task(3).lead).toBeNull(); // 分别负责
    expect(task(28).lead).toBeNull(); // two, jointly
  });
});

describe('catalog codes of the reviewed Jilin catalogue', () => {
  const seedDir = loadConfig({}).seedsDir;
  const reviewed = JSON.parse(
    readFileSync(path.join(seedDir, 'jilin-2021-new-urbanization-key-tasks.catalog.json'), 'utf8'),
  ) as Catalog;
  // Every code the catalogue had before the parser learned new layouts, with its value, unit and kind.
  const before = JSON.parse(
    readFileSync(path.join(import.meta.dirname, 'fixtures', 'jilin-2021-codes.json'), 'utf8'),
  ) as [string, number | null, string | null, string, string][];
  const byCode = (c: Catalog) =>
    new Map(c.tasks.flatMap((t) => t.indicators.map((i) => [i.code, i] as const)));

  it('keeps every code it ever had, pointing at the same target', () => {
    const now = byCode(reviewed);
    for (const [code, value, unit, kind, name] of before) {
      expect(now.get(code), code).toMatchObject({ value, unit, kind, name });
    }
    expect(now.get('2021-T21-2')).toMatchObject({ value: 88, unit: '公里' });
    expect(now.get('2021-T23-2')).toMatchObject({ value: 80, unit: '个' });
    expect(now.get('2021-T37-4')).toMatchObject({ value: 3, unit: '个' });
  });

  it('parses the seed again into the reviewed codes when given the reviewed catalogue', () => {
    const { catalog, doubts } = readCatalog(source, { id: reviewed.document.id, previous: reviewed });
    const parsed = byCode(catalog);
    for (const [code, indicator] of byCode(reviewed)) {
      if (code === '2021-T23-1') continue; // the reviewed milestone, kept beside the new 80个 target
      expect(parsed.get(code), code).toMatchObject({
        value: indicator.value,
        unit: indicator.unit,
        name: indicator.name,
      });
    }
    expect([...parsed.keys()].filter((code) => !byCode(reviewed).has(code))).toEqual([]);
    expect(doubts).toEqual([expect.objectContaining({ kind: 'previous', seq: 23 })]);
  });
});
