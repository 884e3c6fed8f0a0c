import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogParseError, parseDocument, readCatalog } from '../../src/catalog/parse.js';

const second = readFileSync(path.join(import.meta.dirname, 'fixtures', 'second-edition.txt'), 'utf8');

describe('catalog/parseDocument on an edition written in another style', () => {
  const catalog = parseDocument(second);
  const task = (seq: number) => catalog.tasks.find((t) => t.seq === seq)!;
  const targets = (seq: number) =>
    task(seq).indicators.map((i) => [i.value, i.unit, i.comparator, i.kind, i.deadline]);

  it('reads its title, year, numbering styles and a task that wraps over lines', () => {
    expect(catalog.document).toMatchObject({ title: '某省2022年推进新型城镇化建设重点任务', year: 2022 });
    expect(catalog.parts.map((p) => p.title)).toEqual([
      '推进农业转移人口市民化',
      '提升城市品质',
      '推动城乡融合',
    ]);
    expect(catalog.sections.map((s) => [s.no, s.part])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 3],
    ]);
    expect(catalog.tasks.map((t) => [t.seq, t.section])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 3],
      [6, 3],
      [7, 4],
      [8, 5],
    ]);
    expect(task(4).text).toBe('改造城镇老旧小区1500个，完成投资约3.5亿元，6月底前完成2021年续建项目。');
    expect(task(8).text).not.toContain('各地要');
  });

  it('reads 牵头…配合, labelled and 等 department phrasing and canonicalises short names', () => {
    expect(task(2)).toMatchObject({
      departments: ['省人力资源社会保障厅', '省财政厅', '省教育厅'],
      departmentMode: 'lead',
    });
    expect(task(3)).toMatchObject({
      departments: ['省教育厅', '省发展改革委', '省财政厅'],
      departmentMode: 'lead',
    });
    expect(task(5)).toMatchObject({
      departments: ['省生态环境厅', '省住房城乡建设厅'],
      departmentMode: 'sole',
    });
    expect(task(6)).toMatchObject({ departments: ['省住房城乡建设厅'], departmentMode: 'lead' });
    expect(task(8)).toMatchObject({ departments: ['省水利厅', '省交通运输厅'], departmentMode: 'separate' });
  });

  it('reads every target with its qualifier, unit and deadline', () => {
    expect(task(1).indicators.map((i) => i.kind)).toEqual(['milestone']); // 300万以下 is a rule, not a target
    expect(targets(2)).toEqual([
      [350000, '人', '>=', 'count', '2022-12-31'],
      [200000, '人次', '>=', 'count', '2022-12-31'],
    ]);
    expect(targets(3)).toEqual([
      [50, '所', '=', 'count', '2022-12-31'], // 新建、改扩建 is no list of 50 names
      [12000, '个', '=', 'count', '2022-12-31'],
      [100, '%', '=', 'coverage', '2022-12-31'],
    ]);
    expect(targets(4)).toEqual([
      [1500, '个', '=', 'count', '2022-12-31'],
      [350000000, '元', '~', 'count', '2022-12-31'],
      [null, null, '=', 'milestone', '2022-06-30'],
    ]);
    expect(targets(5)).toEqual([
      [70, '%', '>=', 'level', '2022-12-31'],
      [99, '%', '>=', 'level', '2022-12-31'],
    ]);
    expect(targets(6)).toEqual([
      [2000000, '平方米', '=', 'count', '2022-12-31'],
      [120, '公里', '=', 'count', '2022-12-31'],
    ]);
    expect(targets(7)).toEqual([[null, null, '=', 'milestone', '2022-09-30']]);
    expect(targets(8)).toEqual([
      [95, '%', '=', 'coverage', '2022-12-31'],
      [3000, '公里', '>=', 'count', '2022-12-31'],
      [1, '个', '>=', 'level', '2022-12-31'],
    ]);
  });

  it('refuses an empty file, a binary file and a text with no numbered tasks, in Chinese', () => {
    expect(() => parseDocument('')).toThrow(CatalogParseError);
    expect(() => parseDocument('  \n\n')).toThrow('文件是空的');
    expect(() => parseDocument('PK\u0003\u0004\u0000\u0000\u0000binary\u0000\u0001\u0002')).toThrow(
      '不是文本文件',
    );
    expect(() => parseDocument('一、总体要求\n做好今年的工作。\n')).toThrow('没有找到编号的任务');
    // A document in another language: numbered, but no key-task document of ours.
    expect(() =>
      parseDocument(
        'Key Tasks 2024\n1. Train 36,000 workers (Ministry of Labour).\n2. Build 30 bus lines.\n',
      ),
    ).toThrow('文件中几乎没有中文（0 个汉字）');
  });

  it('files the tasks of an attachment under a part named by its title, not under the notice’s last point', () => {
    const { catalog } = readCatalog(
      '某市人民政府办公室关于做好2023年民生实事工作的通知\n各区人民政府：\n一、提高思想认识。要把民生实事摆在突出位置。\n' +
        '二、加强督查考核。每季度通报1次。\n\n附件：某市2023年民生实事任务分解表\n\n某市人民政府办公室\n2023年2月16日\n\n附件\n\n' +
        '某市2023年民生实事任务分解表\n\n1.新建幼儿园12所。（市教育局负责）\n2.新增养老床位1000张。（市民政局负责）\n',
    );
    expect(catalog.parts).toEqual([{ no: 1, title: '某市2023年民生实事任务分解表' }]);
    expect(catalog.tasks.map((t) => [t.seq, t.part, t.departments])).toEqual([
      [1, 1, ['市教育局']],
      [2, 1, ['市民政局']],
    ]);
  });

  it('reads headings set apart by type alone (no number, a line of their own) as the sections of their chapter', () => {
    const { catalog } = readCatalog(
      '某市2023年优化营商环境重点任务\n为打造一流营商环境，制定本重点任务。\n第一章　重点任务\n提升政务服务便利度\n' +
        '1.推出“一件事”集成服务套餐30个以上。（市政务服务局负责）\n2.企业开办时间压缩至1个工作日以内。（市市场监管局负责）\n' +
        '加强要素保障\n3.全年供应建设用地1.2万亩。（市自然资源局负责）\n第二章　保障措施\n各部门要加强组织领导。\n',
    );
    expect(catalog.sections).toEqual([
      { no: 1, part: 1, title: '提升政务服务便利度' },
      { no: 2, part: 1, title: '加强要素保障' },
    ]);
    expect(catalog.tasks.map((t) => [t.seq, t.part, t.section])).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 2],
    ]);
  });

  it('reads a part of the year’s goals (一、2024年经济社会发展主要预期目标) as goals, though it names who answers', () => {
    const { catalog } = readCatalog(
      '某省2024年政府工作报告重点工作分工\n一、2024年经济社会发展主要预期目标\n地区生产总值增长6%左右，城镇新增就业40万人以上。（省发展改革委牵头）\n' +
        '二、重点工作\n1.实施省级重点项目1500个以上。（省发展改革委负责）\n2.新建5G基站2万个。（省通信管理局负责）\n' +
        '3.新增城镇就业岗位10万个。（省人力资源社会保障厅负责）\n',
    );
    expect(catalog.goals?.map((g) => [g.title, g.indicators.map((i) => [i.value, i.unit])])).toEqual([
      [
        '2024年经济社会发展主要预期目标',
        [
          [6, '%'],
          [400000, '人'],
        ],
      ],
    ]);
    expect(catalog.tasks.map((t) => t.seq)).toEqual([1, 2, 3]);
  });

  it('leaves out a table of contents, and takes the title a cover page repeats', () => {
    const { catalog } = readCatalog(
      '某市人民政府办公室\n某市制造业高质量发展实施方案\n2023年5月\n某市制造业高质量发展实施方案\n目 录\n一、总体要求 1\n二、重点任务 2\n' +
        '三、保障措施……4\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n二、重点任务\n' +
        '1.建设制造业创新中心5个。（市科技局负责）\n2.培育百亿级企业3家。（市工业和信息化局负责）\n三、保障措施\n各部门要加强组织领导。\n',
    );
    expect(catalog.document.title).toBe('某市制造业高质量发展实施方案');
    expect(catalog.parts).toEqual([{ no: 2, title: '重点任务' }]);
    expect(catalog.tasks.map((t) => [t.seq, t.part, t.departments])).toEqual([
      [1, 2, ['市科技局']],
      [2, 2, ['市工业和信息化局']],
    ]);
  });

  it('keeps a 专栏 box of targets under its task, its title apart from them', () => {
    const { catalog } = readCatalog(
      '某市加快建设现代化产业体系三年行动计划（2024—2026年）\n一、重点任务\n（一）发展生产性服务业。增加值年均增长8%。（市发展改革委牵头）\n' +
        '专栏1 生产性服务业重点项目\n建设现代物流园区10个，培育检验检测机构50家。\n（二）推进数实融合。数字化改造覆盖率达到80%。（市工业和信息化局负责）\n',
    );
    expect(catalog.tasks[0]?.indicators.map((i) => [i.name, i.value, i.unit])).toEqual([
      ['增加值年均增长', 8, '%'],
      ['建设现代物流园区', 10, '个'],
      ['培育检验检测机构', 50, '家'],
    ]);
    expect(catalog.tasks.map((t) => t.seq)).toEqual([1, 2]);
  });

  it('reads the goals a preface states (主要目标是：…) before the numbered points', () => {
    const { catalog } = readCatalog(
      '某省2021年就业工作要点\n2021年全省就业工作的主要目标是：城镇新增就业20万人以上，城镇登记失业率控制在4.5%以内。\n' +
        '一、稳定就业\n1.开展职业技能培训10万人次。（省人力资源社会保障厅负责）\n',
    );
    expect(
      catalog.goals?.map((g) => [g.no, g.title, g.indicators.map((i) => [i.value, i.unit, i.comparator])]),
    ).toEqual([
      [
        1,
        '主要目标',
        [
          [200000, '人', '>='],
          [4.5, '%', '<='],
        ],
      ],
    ]);
  });

  it('keeps the sub-items under a task that stand after its departments, with their targets', () => {
    const { catalog } = readCatalog(
      '某省2022年数字政府工作要点\n一、夯实基础\n1.提升政务云服务能力。完善两级平台。（省政务服务和数字化局牵头，省财政厅配合）\n' +
        '（1）年内新增服务器500台以上。\n（2）6月底前实现14个市（州）全部接入。\n2.优化电子政务外网。（省政务服务和数字化局负责）\n',
    );
    const [first] = catalog.tasks;
    expect(first?.text).toBe(
      '提升政务云服务能力。完善两级平台。（1）年内新增服务器500台以上。（2）6月底前实现14个市（州）全部接入。',
    );
    expect(first?.departments).toEqual(['省政务服务和数字化局', '省财政厅']);
    expect(first?.indicators.map((i) => [i.value, i.unit, i.comparator, i.deadline])).toEqual([
      [500, '台', '>=', '2022-12-31'],
      [14, '个', '=', '2022-06-30'],
    ]);
  });

  it('reads what it can and reports its doubts instead of refusing', () => {
    const noDepartment = readCatalog(
      '某省2021年重点任务\n一、总则\n1.做好工作。\n2.做好另一项工作。（省政府负责）\n',
    );
    expect(noDepartment.catalog.tasks.map((t) => t.departments)).toEqual([[], ['省政府']]);
    expect(noDepartment.doubts).toContainEqual(expect.objectContaining({ kind: 'department', seq: 1 }));
    const noYear = readCatalog('某省重点任务\n一、总则\n1.到2023年底完成改造100个。（省政府负责）\n');
    expect(noYear.catalog.document.year).toBe(2023);
    expect(noYear.doubts).toContainEqual(expect.objectContaining({ kind: 'year', seq: null }));
  });

  it('reads the one-character markers ⑴…⒇ and ⒈…⒛ as the (1) and 1. they stand for', () => {
    const parenthesised = readCatalog(
      '某区2023年民生实事项目实施方案\n一、教育领域\n（一）扩大教育资源供给\n' +
        '⑴新建中小学校8所。（责任单位：区教委）\n⑵课后服务覆盖率达到100%。（责任单位：区教委）\n' +
        '（二）提升医疗服务\n⑴新增床位500张。（责任单位：区卫生健康委）\n',
    ).catalog;
    expect(parenthesised.tasks.map((t) => [t.section, t.text, t.departments])).toEqual([
      [1, '新建中小学校8所。', ['区教委']],
      [1, '课后服务覆盖率达到100%。', ['区教委']],
      [2, '新增床位500张。', ['区卫生健康委']],
    ]);
    const dotted = readCatalog(
      '某区2023年交通工作要点\n一、交通出行\n⒈新开通公交线路6条。（区交通局负责）\n⒉新建公交候车亭100座。（区交通局负责）\n',
    ).catalog;
    expect(dotted.tasks.map((t) => [t.part, t.text, t.indicators.map((i) => [i.value, i.unit])])).toEqual([
      [1, '新开通公交线路6条。', [[6, '条']]],
      [1, '新建公交候车亭100座。', [[100, '座']]],
    ]);
  });

  it('titles a notice that issues the document by what it issues, and finds the title after its text', () => {
    const body = '\n一、推进市民化\n1.新增城镇落户人口30万人。（省公安厅负责）\n';
    expect(
      readCatalog(`浙江省人民政府办公厅关于印发浙江省2023年新型城镇化重点任务的通知${body}`).catalog.document
        .title,
    ).toBe('浙江省2023年新型城镇化重点任务');
    const notice =
      '浙政办发〔2023〕18号\n各市、县（市、区）人民政府，省政府直属各单位：\n' +
      '《浙江省2023年新型城镇化重点任务》已经省政府同意，现印发给你们，请认真贯彻落实。\n' +
      `浙江省人民政府办公厅\n2023年4月10日\n浙江省2023年新型城镇化重点任务${body}`;
    expect(readCatalog(notice).catalog.document.title).toBe('浙江省2023年新型城镇化重点任务');
  });
});
