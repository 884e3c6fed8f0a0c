import { describe, expect, it } from 'vitest';
import { parseResponsibility, splitNames } from '../../src/catalog/departments.js';
import { parseChineseNumber } from '../../src/catalog/numbers.js';
import { deadlineOfField, readTargets } from '../../src/catalog/quantities.js';

describe('catalog/numbers', () => {
  it('reads numbers as Chinese documents write them, exactly', () => {
    expect(parseChineseNumber('3.6万')).toBe(36000);
    expect(parseChineseNumber('1.58万')).toBe(15800);
    expect(parseChineseNumber('3.5亿')).toBe(350000000);
    expect(parseChineseNumber('1,623')).toBe(1623);
    expect(parseChineseNumber('３６０００')).toBe(36000);
    expect(parseChineseNumber('50.5')).toBe(50.5);
    expect(parseChineseNumber('abc')).toBeNaN();
  });
});

describe('catalog/quantities', () => {
  const one = (text: string) => readTargets(text, 2021).map((t) => [t.value, t.unit, t.comparator, t.kind]);
  it('reads qualifiers into comparators', () => {
    expect(one('培训不少于500人')).toEqual([[500, '人', '>=', 'count']]);
    expect(one('覆盖率不低于80%')).toEqual([[80, '%', '>=', 'level']]);
    expect(one('普及率达到99％')).toEqual([[99, '%', '=', 'coverage']]);
    expect(one('招收约300人')).toEqual([[300, '人', '~', 'count']]);
    expect(one('力争建成1000套')).toEqual([[1000, '套', '=', 'count']]);
    expect(one('能耗控制在5万吨以内')).toEqual([[50000, '吨', '<=', 'count']]);
    expect(one('投资3.5亿元')).toEqual([[350000000, '元', '=', 'count']]);
    expect(one('地区生产总值突破2500亿元')).toEqual([[250000000000, '元', '>=', 'count']]);
    expect(one('入市交易地块20宗')).toEqual([[20, '宗', '=', 'count']]);
  });

  it("reads a time to keep under as a target, and a policy's duration as none", () => {
    expect(one('工程建设项目审批时间不超过10个工作日')).toEqual([[10, '个工作日', '<=', 'level']]);
    expect(one('城市用户年均停电时间不超过1小时')).toEqual([[1, '小时', '<=', 'level']]);
    expect(one('企业开办时间压缩至1个工作日以内')).toEqual([[1, '个工作日', '<=', 'level']]);
    expect(one('贷款期限不超过6个月')).toEqual([]);
    expect(one('审批时限缩短到5个工作日')).toEqual([[5, '个工作日', '<=', 'level']]);
  });

  it('reads a distance that qualifies a rate (公交站点500米覆盖率) as part of its name', () => {
    expect(readTargets('公交站点500米覆盖率达到100%', 2023).map((t) => [t.name, t.value, t.unit])).toEqual([
      ['公交站点500米覆盖率', 100, '%'],
    ]);
    expect(one('新建公交专用道30公里，站点覆盖率达到90%')).toEqual([
      [30, '公里', '=', 'count'],
      [90, '%', '=', 'coverage'],
    ]);
  });

  it('reads a unit per another as one unit of a level, and 降至 as at most', () => {
    expect(one('PM2.5平均浓度控制在30微克/立方米以内')).toEqual([[30, '微克/立方米', '<=', 'level']]);
    expect(one('县城建成区路网密度不低于8公里/平方公里')).toEqual([[8, '公里/平方公里', '>=', 'level']]);
    expect(one('单位GDP能耗降至0.5吨标准煤')).toEqual([[0.5, '吨标准煤', '<=', 'count']]);
  });

  it('applies a deadline to the clauses after it in the same sentence only', () => {
    const targets = readTargets('完成100个，10月底前，建成20个。年底前完成30个', 2021);
    expect(targets.map((t) => t.deadline)).toEqual(['2021-12-31', '2021-10-31', '2021-12-31']);
  });

  it('applies a time that opens a sentence (到2025年，…) to each of its parts divided by semicolons', () => {
    const targets = readTargets(
      '到2025年，城镇化率达到50%以上；污水处理率达到95%；2023年底前建成公园20个。新建道路100公里',
      2023,
    );
    expect(targets.map((t) => [t.value, t.deadline])).toEqual([
      [50, '2025-12-31'],
      [95, '2025-12-31'],
      [20, '2023-12-31'],
      [100, '2023-12-31'],
    ]);
  });

  it('names each figure of a 分别 list, a rate for each of the figures just named, and a range by its low end', () => {
    const named = (text: string, year = 2021, plan?: string) =>
      readTargets(text, year, plan).map((t) => [t.name, t.value, t.unit, t.comparator, t.deadline]);
    expect(named('二氧化硫、氮氧化物排放量分别下降2%、3%')).toEqual([
      ['二氧化硫下降', -2, '%', '=', '2021-12-31'],
      ['氮氧化物排放量下降', -3, '%', '=', '2021-12-31'],
    ]);
    expect(named('全年接待游客5000万人次、实现旅游收入500亿元，分别增长10%、12%').slice(2)).toEqual([
      ['全年接待游客增长', 10, '%', '=', '2021-12-31'],
      ['旅游收入增长', 12, '%', '=', '2021-12-31'],
    ]);
    expect(named('新增城市停车泊位5000—8000个')).toEqual([
      ['新增城市停车泊位', 5000, '个', '>=', '2021-12-31'],
    ]);
    // A standard (每3000-4000户) and an age span stay out.
    expect(named('每3000-4000户配建社区服务站，3-6岁儿童入园')).toEqual([]);
    // In a plan for 2023—2025 (due at its end), 2023年完成 is this year's; 2023年改造任务 is not a date.
    expect(named('2023年完成改造90个；累计改造300个', 2023, '2025-12-31').map((t) => t[4])).toEqual([
      '2023-12-31',
      '2025-12-31',
    ]);
    // A milestone's date is its own: the next commitment keeps the sentence's.
    expect(named('确保6月底前完成续建项目，力争新开工120个').map((t) => t[4])).toEqual([
      '2021-06-30',
      '2021-12-31',
    ]);
    expect(named('9月30日前完成排查，排查率达到100%').map((t) => t[4])).toEqual(['2021-09-30', '2021-09-30']);
  });

  it('reads the date a 完成时限 field names, with or without 前 or 底', () => {
    expect(deadlineOfField('2024年6月', 2024)).toBe('2024-06-30');
    expect(deadlineOfField('2024年4月—7月', 2024)).toBe('2024-07-31');
    expect(deadlineOfField('2024年第三季度', 2024)).toBe('2024-09-30');
    expect(deadlineOfField('2024年9月15日', 2024)).toBe('2024-09-15');
    expect(deadlineOfField('10月底前', 2024)).toBe('2024-10-31');
    expect(deadlineOfField('2025年', 2024)).toBe('2025-12-31');
    expect(deadlineOfField('长期坚持', 2024)).toBeUndefined();
    expect(deadlineOfField('持续推进', 2024)).toBeUndefined();
  });
});

describe('catalog/departments', () => {
  it('reads sole, separate, lead and labelled forms', () => {
    expect(parseResponsibility('省公安厅负责')).toEqual({
      departments: ['省公安厅'],
      mode: 'sole',
      lead: '省公安厅',
    });
    expect(parseResponsibility('省教育厅、省委编办分别负责')).toEqual({
      departments: ['省教育厅', '省委编办'],
      mode: 'separate',
      lead: null,
    });
    expect(parseResponsibility('省发改委等负责')).toEqual({
      departments: ['省发展改革委'],
      mode: 'lead',
      lead: '省发展改革委',
    });
    expect(parseResponsibility('省民政厅牵头，省财政厅、省住建厅配合')).toEqual({
      departments: ['省民政厅', '省财政厅', '省住房城乡建设厅'],
      mode: 'lead',
      lead: '省民政厅',
    });
    expect(parseResponsibility('牵头单位：省民政厅；配合单位：省财政厅')).toEqual({
      departments: ['省民政厅', '省财政厅'],
      mode: 'lead',
      lead: '省民政厅',
    });
  });

  it('mends a misplaced 省 between two names', () => {
    expect(splitNames('省文旅厅省、自然资源厅')).toEqual(['省文旅厅', '省自然资源厅']);
    expect(splitNames('省粮食和物资储备局')).toEqual(['省粮食和物资储备局']);
  });
});
