import { expect } from 'vitest';
import type { Parsed } from '../../src/catalog/parse.js';

/** [value, unit, comparator, deadline, kind, recurrence] */
type Target = [number | null, string | null, string, string, string, string | null];

/** What a fixture document must give, field by field. */
export interface Expected {
  file: string;
  /** The layouts the document shows. */
  about: string;
  title: string;
  year: number;
  parts: [number, string][];
  /** [no, part, title] */
  sections: [number, number, string][];
  /** [seq, part, section, departments, mode, lead] */
  tasks: [number, number, number, string[], string, string | null][];
  /** Every numeric target: [seq, ...Target] */
  targets: [number, ...Target][];
  /** [seq, deadline] of each milestone */
  milestones: [number, string][];
  /** [no, title, targets] */
  goals: [number, string, Target[]][];
  /** [kind, seq] of each doubt */
  doubts: [string, number | null][];
}

/** Checks a parse against its expectation, field by field, so that a failure says which one. */
export function expectCatalog({ catalog, doubts }: Parsed, expected: Expected): void {
  expect(catalog.document).toMatchObject({ title: expected.title, year: expected.year });
  expect(catalog.parts.map((p) => [p.no, p.title])).toEqual(expected.parts);
  expect(catalog.sections.map((s) => [s.no, s.part, s.title])).toEqual(expected.sections);
  expect(
    catalog.tasks.map((t) => [t.seq, t.part, t.section, t.departments, t.departmentMode, t.lead]),
  ).toEqual(expected.tasks);
  const target = (i: {
    value: number | null;
    unit: string | null;
    comparator: string;
    deadline: string;
    kind: string;
    recurrence?: string | null;
  }) => [i.value, i.unit, i.comparator, i.deadline, i.kind, i.recurrence ?? null];
  expect(
    catalog.tasks.flatMap((t) =>
      t.indicators.filter((i) => i.kind !== 'milestone').map((i) => [t.seq, ...target(i)]),
    ),
  ).toEqual(expected.targets);
  expect(
    catalog.tasks.flatMap((t) =>
      t.indicators.filter((i) => i.kind === 'milestone').map((i) => [t.seq, i.deadline]),
    ),
  ).toEqual(expected.milestones);
  expect((catalog.goals ?? []).map((g) => [g.no, g.title, g.indicators.map(target)])).toEqual(expected.goals);
  expect(doubts.map((d) => [d.kind, d.seq])).toEqual(expected.doubts);
  // Codes: <year>-T<seq>-<n>, unique, n from 1 in each task.
  for (const t of catalog.tasks)
    expect(t.indicators.map((i) => i.code)).toEqual(
      t.indicators.map((_, n) => `${catalog.document.year}-T${t.seq}-${n + 1}`),
    );
}

export const FIXTURES: Expected[] = [
  {
    file: 'action-plan.txt',
    about:
      'an 行动计划 with a goals paragraph (分别达到, 均达到), tasks (1)…(6) with ① sub-items, sections numbered per part, a 保障措施 part',
    title: '某市城乡人居环境整治提升三年行动计划（2023—2025年）',
    year: 2023,
    parts: [[2, '重点任务']],
    sections: [
      [1, 2, '推进污水治理'],
      [2, 2, '推进垃圾治理'],
      [3, 2, '推进村容村貌提升'],
    ],
    tasks: [
      [1, 2, 1, ['市住房城乡建设局', '市生态环境局', '市水务局'], 'lead', '市住房城乡建设局'],
      [2, 2, 1, ['市生态环境局', '市农业农村局'], 'sole', null],
      [3, 2, 2, ['市城管局'], 'sole', '市城管局'],
      [4, 2, 2, ['市城管局', '各区县政府'], 'sole', null],
      [5, 2, 3, ['市农业农村局'], 'sole', '市农业农村局'],
      [6, 2, 3, ['市农业农村局', '市卫生健康委'], 'sole', null],
    ],
    // A three-year plan (2023—2025年): a target without a time of its own is for its last year.
    targets: [
      [1, 300, '公里', '=', '2025-12-31', 'count', null],
      [2, 120, '个', '=', '2025-12-31', 'count', null],
      [3, 15, '座', '=', '2025-12-31', 'count', null],
      [3, 80, '辆', '=', '2025-12-31', 'count', null],
      [4, 50, '个', '=', '2025-12-31', 'count', null],
      [4, 5, '个', '=', '2025-12-31', 'count', null],
      [5, 100000, '吨', '=', '2025-12-31', 'count', null],
      [5, 2000, '处', '=', '2025-12-31', 'count', null],
      [6, 20000, '户', '=', '2025-12-31', 'count', null],
      [6, 3, '个百分点', '=', '2025-12-31', 'growth', null],
    ],
    milestones: [[1, '2023-12-31']],
    goals: [
      [
        2,
        '工作目标',
        [
          [65, '%', '=', '2025-12-31', 'coverage', null],
          [95, '%', '=', '2025-12-31', 'coverage', null],
          [45, '%', '>=', '2025-12-31', 'coverage', null],
          [45, '%', '>=', '2025-12-31', 'coverage', null],
          [100, '个', '=', '2025-12-31', 'count', null],
        ],
      ],
    ],
    doubts: [],
  },
  {
    file: 'district-division.txt',
    about:
      'a district 分工方案: 牵头单位:/责任单位:/完成时限： lines after each task, a task without departments, time limits and loan ceilings',
    title: '南关区2023年优化营商环境重点任务分工方案',
    year: 2023,
    parts: [
      [1, '提升政务服务效能'],
      [2, '激发市场主体活力'],
    ],
    sections: [
      [1, 1, '深化“放管服”改革'],
      [2, 1, '优化审批服务'],
      [3, 2, '支持民营经济发展'],
    ],
    tasks: [
      [1, 1, 1, ['区政数局', '区市场监管局', '区税务局', '各街道'], 'lead', '区政数局'],
      [2, 1, 1, ['区政数局', '区直各部门'], 'lead', '区政数局'],
      [3, 1, 2, ['区住建局', '区自然资源分局', '区发改局'], 'lead', '区住建局'],
      [4, 1, 2, ['区税务局', '区财政局'], 'lead', '区税务局'],
      [5, 2, 3, ['区工信局', '区发改局', '区商务局', '各街道'], 'lead', '区工信局'],
      [6, 2, 3, ['区人社局', '区财政局', '人民银行长春中心支行'], 'lead', '区人社局'],
      [7, 2, 3, [], 'sole', null],
      [8, 2, 3, ['区工信局'], 'lead', '区工信局'],
    ],
    targets: [
      [1, 95, '%', '>=', '2023-12-31', 'coverage', null],
      [1, 1, '个工作日', '<=', '2023-12-31', 'level', null],
      [2, 20, '项', '=', '2023-06-30', 'count', null],
      [3, 15, '个工作日', '<=', '2023-12-31', 'level', null],
      [4, 120000000, '元', '>=', '2023-12-31', 'count', null],
      [5, 500, '家', '>=', '2023-12-31', 'count', null],
      [5, 200, '个', '>=', '2023-12-31', 'count', null],
      [6, 50000000, '元', '=', '2023-12-31', 'count', null],
      [7, 3000, '户', '>=', '2023-12-31', 'count', null],
      [8, 15, '家', '=', '2023-12-31', 'count', null],
      [8, 10, '家', '=', '2023-12-31', 'count', null],
    ],
    milestones: [],
    goals: [],
    doubts: [['department', 7]],
  },
  {
    file: 'energy-plan.txt',
    about:
      'tasks numbered again from 1 in each section, sections per part, many units, policy terms and thresholds',
    title: '吉林省2023年能源和生态建设重点工作实施方案',
    year: 2023,
    parts: [
      [1, '推动能源结构转型'],
      [2, '加强生态保护'],
      [3, '提升公共服务'],
    ],
    sections: [
      [1, 1, '发展新能源'],
      [2, 1, '提高能效'],
      [3, 2, '推进国土绿化'],
      [4, 2, '改善环境质量'],
      [5, 3, '补齐设施短板'],
    ],
    tasks: [
      [1, 1, 1, ['省能源局'], 'sole', '省能源局'],
      [2, 1, 1, ['省能源局', '省住房城乡建设厅'], 'separate', null],
      [3, 1, 2, ['省发展改革委', '省工业和信息化厅'], 'sole', null],
      [4, 1, 2, ['省工业和信息化厅'], 'sole', '省工业和信息化厅'],
      [5, 2, 3, ['省林草局'], 'sole', '省林草局'],
      [6, 2, 3, ['省水利厅'], 'sole', '省水利厅'],
      [7, 2, 4, ['省生态环境厅'], 'sole', '省生态环境厅'],
      [8, 2, 4, ['省生态环境厅', '省发展改革委'], 'sole', null],
      [9, 2, 4, ['省财政厅'], 'sole', '省财政厅'],
      [10, 3, 5, ['省卫生健康委', '省住房城乡建设厅', '省教育厅'], 'separate', null],
    ],
    targets: [
      [1, 6000000, '千瓦', '=', '2023-12-31', 'count', null],
      [1, 1, '座', '=', '2023-12-31', 'count', null],
      [2, 150000000, '立方米', '=', '2023-12-31', 'count', null],
      [2, 5, '座', '=', '2023-12-31', 'count', null],
      [3, -3, '%', '<=', '2023-12-31', 'growth', null],
      [3, 90000000, '吨', '<=', '2023-12-31', 'count', null],
      [4, 100, '个', '=', '2023-12-31', 'count', null],
      [5, 300000, '亩', '=', '2023-12-31', 'count', null],
      [5, 5000, '公顷', '=', '2023-12-31', 'count', null],
      [6, 1200, '平方公里', '=', '2023-12-31', 'count', null],
      [6, 10, '条', '=', '2023-12-31', 'count', null],
      [7, 90, '%', '=', '2023-12-31', 'coverage', null],
      [7, -1, '个百分点', '=', '2023-12-31', 'growth', null],
      [8, 20000, '吨', '=', '2023-12-31', 'count', null],
      [8, 20, '家', '=', '2023-12-31', 'count', null],
      [9, 1200000000, '元', '=', '2023-12-31', 'count', null],
      [10, 500, '张', '=', '2023-12-31', 'count', null],
      [10, 200, '辆', '=', '2023-12-31', 'count', null],
      [10, 10, '所', '=', '2023-12-31', 'count', null],
    ],
    milestones: [],
    goals: [],
    doubts: [['numbering', null]],
  },
  {
    file: 'five-year-plan.txt',
    about:
      'a five-year plan: 到2025年底, 到2028年, 十四五期间, 2027年6月底前, 每年, a decline (下降13.5%), 万千瓦',
    title: '长春市“十四五”新型城镇化规划重点任务分工方案',
    year: 2021,
    parts: [
      [1, '推动农业转移人口全面融入城市'],
      [2, '提升城市综合承载能力'],
      [3, '促进城乡融合发展'],
    ],
    sections: [],
    tasks: [
      [1, 1, 0, ['市发展改革委', '市公安局'], 'sole', null],
      [2, 1, 0, ['市人力资源社会保障局'], 'sole', '市人力资源社会保障局'],
      [3, 1, 0, ['市发展改革委', '市教育局', '市卫生健康委'], 'lead', '市发展改革委'],
      [4, 2, 0, ['市住房城乡建设局'], 'sole', '市住房城乡建设局'],
      [5, 2, 0, ['市住房城乡建设局'], 'sole', '市住房城乡建设局'],
      [6, 2, 0, ['市发展改革委', '市能源局'], 'separate', null],
      [7, 2, 0, ['市交通运输局', '市公安局交警支队'], 'separate', null],
      [8, 3, 0, ['市交通运输局', '市城管局'], 'separate', null],
      [9, 3, 0, ['市农业农村局'], 'sole', '市农业农村局'],
    ],
    targets: [
      [1, 75, '%', '=', '2025-12-31', 'coverage', null],
      [1, 55, '%', '=', '2025-12-31', 'coverage', null],
      [2, 100000, '人次', '=', '2025-12-31', 'count', 'annual'],
      [2, 600000, '人', '=', '2025-12-31', 'count', null],
      [4, 100, '公里', '=', '2025-12-31', 'count', null],
      [4, 40, '%', '>=', '2025-12-31', 'coverage', null],
      [5, 2000, '个', '=', '2024-12-31', 'count', null],
      [6, -13.5, '%', '=', '2021-12-31', 'growth', null],
      [6, 5000000, '千瓦', '=', '2021-12-31', 'count', null],
      [7, 60, '%', '=', '2025-12-31', 'coverage', null],
      [7, 100000, '个', '=', '2025-12-31', 'count', null],
      [8, 500, '公里', '=', '2021-12-31', 'count', 'annual'],
      [8, 100, '%', '=', '2025-12-31', 'coverage', null],
      [9, 1500000, '亩', '=', '2021-12-31', 'count', null],
    ],
    milestones: [
      [3, '2028-12-31'],
      [5, '2024-12-31'],
      [9, '2027-06-30'],
    ],
    goals: [],
    doubts: [],
  },
  {
    file: 'gaps-and-doubts.txt',
    about:
      'a numbering gap, a task without departments, a number without a known unit, a year only from deadlines',
    title: '某县乡村振兴重点工作安排',
    year: 2026,
    parts: [
      [1, '产业发展'],
      [2, '基础设施'],
    ],
    sections: [],
    tasks: [
      [1, 1, 0, ['县农业农村局'], 'sole', '县农业农村局'],
      [2, 1, 0, ['县农业农村局'], 'sole', '县农业农村局'],
      [3, 1, 0, [], 'sole', null],
      [4, 2, 0, ['县住建局', '县供电公司'], 'separate', null],
      [6, 2, 0, ['县交通运输局'], 'sole', '县交通运输局'],
      [7, 2, 0, ['县水利局'], 'sole', '县水利局'],
    ],
    targets: [
      [1, 300, '栋', '=', '2026-12-31', 'count', null],
      [1, 10, '个', '=', '2026-12-31', 'count', null],
      [2, 50, '家', '=', '2026-12-31', 'count', null],
      [4, 120, '公里', '=', '2026-12-31', 'count', null],
      [6, 80, '公里', '=', '2026-12-31', 'count', null],
      [7, 30000, '人', '=', '2026-12-31', 'count', null],
    ],
    milestones: [[3, '2026-12-31']],
    goals: [],
    doubts: [
      ['year', null],
      ['numbering', 6],
      ['department', 3],
      ['number', 4],
    ],
  },
  {
    file: 'jilin-2022.txt',
    about: 'the 2022 Jilin edition, where 7.2022年… and 8.2022年… open tasks 7 and 8',
    title: '吉林省2022年新型城镇化和城乡融合发展重点任务',
    year: 2022,
    parts: [
      [1, '提高农业转移人口市民化质量'],
      [2, '推进城市群和都市圈建设'],
      [3, '推动城市高质量发展'],
      [4, '加快城乡融合发展'],
    ],
    sections: [
      [1, 1, '深化户籍制度改革'],
      [2, 1, '推进基本公共服务均等化'],
      [3, 2, '加快长春都市圈建设'],
      [4, 3, '实施城市更新行动'],
      [5, 3, '建设绿色低碳城市'],
      [6, 4, '推动城乡基础设施一体化'],
    ],
    tasks: [
      [1, 1, 1, ['省公安厅'], 'sole', '省公安厅'],
      [2, 1, 1, ['省人力资源社会保障厅'], 'sole', '省人力资源社会保障厅'],
      [3, 1, 2, ['省教育厅'], 'sole', '省教育厅'],
      [4, 1, 2, ['省教育厅'], 'sole', '省教育厅'],
      [5, 2, 3, ['省交通运输厅'], 'sole', '省交通运输厅'],
      [6, 2, 3, ['省发展改革委', '省交通运输厅'], 'separate', null],
      [7, 3, 4, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
      [8, 3, 4, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
      [9, 3, 4, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
      [10, 3, 4, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
      [11, 3, 5, ['省住房城乡建设厅', '省生态环境厅'], 'separate', null],
      [12, 3, 5, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
      [13, 3, 5, ['省能源局'], 'sole', '省能源局'],
      [14, 3, 5, ['省林草局'], 'sole', '省林草局'],
      [15, 4, 6, ['省交通运输厅', '省住房城乡建设厅'], 'separate', null],
      [16, 4, 6, ['省通信管理局'], 'sole', '省通信管理局'],
      [17, 4, 6, ['省水利厅'], 'sole', '省水利厅'],
    ],
    targets: [
      [2, 220000, '人', '>=', '2022-12-31', 'count', null],
      [2, 100000, '人次', '=', '2022-12-31', 'count', null],
      [3, 100, '所', '=', '2022-12-31', 'count', null],
      [3, 15000, '个', '=', '2022-12-31', 'count', null],
      [4, 85, '%', '>=', '2022-12-31', 'level', null],
      [5, 160, '公里', '=', '2022-12-31', 'count', null],
      [5, 95, '公里', '=', '2022-12-31', 'count', null],
      [6, 3000000000, '元', '=', '2022-12-31', 'count', null],
      [7, 1200, '个', '=', '2022-12-31', 'count', null],
      [7, 200000, '户', '=', '2022-12-31', 'count', null],
      [8, 12000, '套', '=', '2022-12-31', 'count', null],
      [8, 80000, '户', '=', '2022-12-31', 'count', null],
      [9, 1000, '公里', '>=', '2022-12-31', 'count', null],
      [10, 3000000, '平方米', '=', '2022-12-31', 'count', null],
      [10, 50, '个', '=', '2022-12-31', 'count', null],
      [11, 35, '%', '>=', '2022-12-31', 'coverage', null],
      [11, 70, '%', '=', '2022-12-31', 'coverage', null],
      [12, 2000000, '平方米', '=', '2022-12-31', 'count', null],
      [13, 5000, '个', '=', '2022-12-31', 'count', null],
      [14, 400000, '亩', '=', '2022-12-31', 'count', null],
      [15, 3000, '公里', '=', '2022-12-31', 'count', null],
      [15, 5000, '户', '=', '2022-12-31', 'count', null],
      [16, 100, '%', '=', '2022-12-31', 'coverage', null],
      [17, 95, '%', '=', '2022-12-31', 'coverage', null],
    ],
    milestones: [[1, '2022-12-31']],
    goals: [],
    doubts: [],
  },
  {
    file: 'labelled-fields.txt',
    about:
      'labelled fields inside the parenthetical, two department groups in one task, 指导/落实, 牵头/参与, policy terms that are no targets',
    title: '省促进消费扩容提质若干措施',
    year: 2022,
    parts: [
      [1, '扩大汽车消费'],
      [2, '促进文旅消费'],
      [3, '提升消费载体'],
    ],
    sections: [],
    tasks: [
      [1, 1, 0, ['省商务厅', '省财政厅'], 'sole', null],
      [2, 1, 0, ['省能源局', '省住房城乡建设厅', '省电力公司'], 'lead', null],
      [3, 2, 0, ['省文旅厅', '省交通运输厅'], 'separate', null],
      [4, 2, 0, ['省文旅厅', '各市县政府'], 'lead', '省文旅厅'],
      [5, 3, 0, ['省商务厅', '省住房城乡建设厅', '省市场监管厅'], 'lead', '省商务厅'],
      [6, 3, 0, ['省商务厅'], 'sole', '省商务厅'],
      [7, 3, 0, ['人民银行长春中心支行', '吉林银保监局'], 'sole', null],
    ],
    targets: [
      [2, 2000, '个', '=', '2022-12-31', 'count', null],
      [2, 100, '座', '=', '2022-12-31', 'count', null],
      [3, 30, '场', '=', '2022-12-31', 'count', null],
      [3, 50000000, '元', '=', '2022-12-31', 'count', null],
      [3, 10, '条', '=', '2022-12-31', 'count', null],
      [4, 5, '家', '=', '2022-12-31', 'count', null],
      [5, 20, '个', '=', '2022-12-31', 'count', null],
      [5, 100, '个', '=', '2022-12-31', 'count', null],
      [6, 50, '个', '=', '2022-10-31', 'count', null],
      [6, 1000, '个', '=', '2022-10-31', 'count', null],
    ],
    milestones: [
      [1, '2022-12-31'],
      [7, '2022-12-31'],
    ],
    goals: [],
    doubts: [],
  },
  {
    file: 'leading-fields.txt',
    about: '责任单位 lines that stand before their task',
    title: '二道区2024年为民办实事项目清单',
    year: 2024,
    parts: [
      [1, '教育卫生'],
      [2, '城市建设'],
    ],
    sections: [
      [1, 1, '办好人民满意教育'],
      [2, 1, '提升医疗服务'],
      [3, 2, '改善居住环境'],
    ],
    tasks: [
      [1, 1, 1, ['区教育局'], 'sole', '区教育局'],
      [2, 1, 1, ['区教育局', '区财政局'], 'sole', null],
      [3, 1, 2, ['区卫生健康局', '各街道'], 'lead', '区卫生健康局'],
      [4, 1, 2, ['区卫生健康局'], 'sole', '区卫生健康局'],
      [5, 2, 3, ['区住建局'], 'sole', '区住建局'],
      [6, 2, 3, ['区城管局'], 'sole', '区城管局'],
    ],
    targets: [
      [1, 3, '所', '=', '2024-12-31', 'count', null],
      [1, 900, '个', '=', '2024-12-31', 'count', null],
      [2, 200, '块', '=', '2024-12-31', 'count', null],
      [3, 20000, '人次', '=', '2024-12-31', 'count', null],
      [4, 2, '个', '=', '2024-12-31', 'count', null],
      [5, 30, '个', '=', '2024-12-31', 'count', null],
      [5, 50, '部', '=', '2024-12-31', 'count', null],
      [6, 1500, '个', '=', '2024-12-31', 'count', null],
      [6, 8, '个', '=', '2024-12-31', 'count', null],
    ],
    milestones: [],
    goals: [],
    doubts: [],
  },
  {
    file: 'national-opinion.txt',
    about:
      'a State Council 意见: no year in its title (文号 〔2016〕), tasks （三）…（十四） with no 1. level, 列第一位者为牵头单位，下同, a 总体要求 part of principles and goals, a closing part whose item without departments is no task',
    title: '国务院关于深入推进新型城镇化建设的若干意见',
    year: 2016,
    parts: [
      [2, '积极推进农业转移人口市民化'],
      [3, '全面提升城市功能'],
      [4, '完善土地利用机制'],
      [5, '强化政策保障'],
    ],
    sections: [],
    tasks: [
      [3, 2, 0, ['公安部', '国家发展改革委', '教育部', '人力资源社会保障部'], 'lead', '公安部'],
      [4, 2, 0, ['公安部', '国务院法制办'], 'lead', '公安部'],
      [5, 2, 0, ['教育部', '财政部'], 'lead', '教育部'],
      [6, 2, 0, ['财政部', '国土资源部', '国家发展改革委'], 'sole', '财政部'],
      [7, 3, 0, ['住房城乡建设部', '国家发展改革委', '财政部', '国土资源部'], 'lead', '住房城乡建设部'],
      [8, 3, 0, ['交通运输部', '住房城乡建设部', '国家发展改革委'], 'lead', '交通运输部'],
      [9, 3, 0, ['住房城乡建设部', '国家发展改革委'], 'lead', '住房城乡建设部'],
      [10, 3, 0, ['住房城乡建设部', '水利部'], 'lead', '住房城乡建设部'],
      [11, 4, 0, ['国土资源部'], 'sole', '国土资源部'],
      [12, 4, 0, ['国土资源部', '住房城乡建设部'], 'sole', '国土资源部'],
      [14, 5, 0, ['国家发展改革委'], 'lead', '国家发展改革委'],
    ],
    targets: [
      [5, 100, '%', '=', '2016-12-31', 'coverage', null],
      [5, 100, '%', '=', '2016-12-31', 'coverage', null],
      [7, 6000000, '套', '=', '2020-12-31', 'count', 'annual'],
      [8, 40, '%', '>=', '2020-12-31', 'coverage', null],
      [8, 30, '%', '>=', '2020-12-31', 'coverage', null],
      [9, 8000, '公里', '>=', '2020-12-31', 'count', null],
      [10, 20, '%', '>=', '2020-12-31', 'coverage', null],
      [10, 70, '%', '=', '2020-12-31', 'coverage', null],
      [14, 2, '个', '=', '2016-12-31', 'count', null],
      [14, 246, '个', '=', '2016-12-31', 'count', null],
    ],
    milestones: [
      [3, '2016-12-31'],
      [4, '2016-12-31'],
      [6, '2016-12-31'],
      [7, '2020-12-31'],
      [11, '2016-12-31'],
      [12, '2016-12-31'],
      [14, '2016-12-31'],
    ],
    goals: [
      [
        2,
        '发展目标',
        [
          [60, '%', '~', '2020-12-31', 'coverage', null],
          [45, '%', '=', '2020-12-31', 'coverage', null],
          [50000000, '人', '>=', '2020-12-31', 'count', null],
          [null, null, '=', '2020-12-31', 'milestone', null],
        ],
      ],
    ],
    doubts: [],
  },
  {
    file: 'work-points-toplevel.txt',
    about:
      'a 工作要点 whose tasks are the top-level items 一、…十五、, with 会同有关部门, 指导/落实, 参与 and collective names',
    title: '2024年全市政务公开工作要点',
    year: 2024,
    parts: [[1, '重点任务']],
    sections: [],
    tasks: [
      [1, 1, 0, ['市政府办公室'], 'lead', '市政府办公室'],
      [2, 1, 0, ['市财政局', '市发展改革委'], 'sole', null],
      [3, 1, 0, ['市政务服务局'], 'lead', '市政务服务局'],
      [4, 1, 0, ['市政务服务局'], 'sole', '市政务服务局'],
      [5, 1, 0, ['市司法局', '各县区政府'], 'lead', '市司法局'],
      [6, 1, 0, ['市政府办公室'], 'sole', '市政府办公室'],
      [7, 1, 0, ['市政务服务局'], 'sole', '市政务服务局'],
      [8, 1, 0, ['市政务服务局', '各县区政府'], 'lead', '市政务服务局'],
      [9, 1, 0, ['各县（市、区）政府', '市直各部门'], 'sole', null],
      [10, 1, 0, ['市司法局', '市直各部门'], 'lead', '市司法局'],
      [11, 1, 0, ['市政务服务局'], 'sole', '市政务服务局'],
      [12, 1, 0, ['市政府办公室', '市政务服务局'], 'separate', null],
      [13, 1, 0, ['市政数局'], 'sole', '市政数局'],
      [14, 1, 0, ['市委保密办', '市政府办公室'], 'sole', null],
      [15, 1, 0, ['市政府办公室'], 'sole', '市政府办公室'],
    ],
    targets: [
      [1, 50, '场', '>=', '2024-12-31', 'count', null],
      [3, 100, '%', '=', '2024-12-31', 'coverage', null],
      [4, 30, '个', '=', '2024-12-31', 'count', null],
      [5, 100, '%', '=', '2024-12-31', 'coverage', null],
      [6, 12, '期', '=', '2024-12-31', 'count', null],
      [8, 95, '%', '>=', '2024-12-31', 'level', null],
      [9, 20, '次', '=', '2024-12-31', 'count', null],
      [10, 100, '%', '=', '2024-12-31', 'coverage', null],
      [11, 4, '期', '>=', '2024-12-31', 'count', null],
      [11, 1000, '人次', '=', '2024-12-31', 'count', null],
      [13, 200, '个', '=', '2024-12-31', 'count', null],
    ],
    milestones: [
      [2, '2024-12-31'],
      [7, '2024-12-31'],
      [12, '2024-12-31'],
      [14, '2024-12-31'],
      [15, '2024-12-31'],
    ],
    goals: [],
    doubts: [],
  },
  {
    file: 'work-report-flat.txt',
    about:
      'a provincial 政府工作报告 分工 copied from a web page onto one line: 省 written once for a list, 按职责分工负责, growth rates, an existing 90条措施 package',
    title: '2023年省政府工作报告重点工作分工方案',
    year: 2023,
    parts: [[2, '重点工作']],
    sections: [
      [1, 2, '全力扩大有效需求'],
      [2, 2, '加快产业转型升级'],
      [3, 2, '持续保障和改善民生'],
    ],
    tasks: [
      [1, 2, 1, ['省商务厅', '省财政厅', '省发展改革委'], 'separate', null],
      [2, 2, 1, ['省发展改革委', '省自然资源厅', '省住房城乡建设厅'], 'lead', '省发展改革委'],
      [3, 2, 2, ['省工业和信息化厅', '省通信管理局'], 'sole', null],
      [4, 2, 2, ['省农业农村厅'], 'sole', '省农业农村厅'],
      [5, 2, 3, ['省人力资源社会保障厅', '省财政厅'], 'separate', null],
      [6, 2, 3, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
    ],
    targets: [
      [1, 8, '%', '=', '2023-12-31', 'growth', null],
      [2, 2000, '个', '>=', '2023-12-31', 'count', null],
      [2, 10, '%', '>=', '2023-12-31', 'growth', null],
      [2, 1000, '个', '=', '2023-12-31', 'count', null],
      [3, 500, '户', '=', '2023-12-31', 'count', null],
      [3, 10000, '个', '=', '2023-12-31', 'count', null],
      [3, 7, '%', '~', '2023-12-31', 'growth', null],
      [4, 80000000000, '斤', '>=', '2023-12-31', 'count', null],
      [4, 3000000, '亩', '=', '2023-12-31', 'count', null],
      [4, 100000, '亩', '=', '2023-12-31', 'count', null],
      [5, 5.5, '%', '<=', '2023-12-31', 'level', null],
      [5, 200000, '人次', '=', '2023-12-31', 'count', 'annual'],
      [6, 1500, '个', '=', '2023-12-31', 'count', null],
      [6, 20000, '套', '=', '2023-12-31', 'count', null],
    ],
    milestones: [],
    goals: [
      [
        1,
        '主要预期目标',
        [
          [6.5, '%', '~', '2023-12-31', 'growth', null],
          [250000, '人', '>=', '2023-12-31', 'count', null],
          [3, '%', '~', '2023-12-31', 'growth', null],
        ],
      ],
    ],
    doubts: [],
  },
  {
    file: 'work-points-bare-departments.txt',
    about:
      'a 工作要点 of 第一部分 / 1、 / （1） whose items close with bare office names in brackets （市农业农村局）, with 组织部, 联合会 and 政务服务中心 in department lists',
    title: '苏州市2024年乡村振兴工作要点',
    year: 2024,
    parts: [[2, '重点任务']],
    sections: [
      [1, 2, '确保粮食安全和重要农产品稳定供给'],
      [2, 2, '推进宜居宜业和美乡村建设'],
      [3, 2, '强化乡村人才支撑'],
    ],
    tasks: [
      [1, 2, 1, ['市农业农村局'], 'sole', '市农业农村局'],
      [2, 2, 1, ['市农业农村局', '市财政局'], 'sole', null],
      [3, 2, 2, ['市住房城乡建设局', '市农业农村局'], 'sole', null],
      [4, 2, 2, ['市生态环境局'], 'sole', '市生态环境局'],
      // 各县（市、区） inside the sentence is a place, not a department.
      [5, 2, 2, ['市交通运输局'], 'sole', '市交通运输局'],
      [6, 2, 3, ['市委组织部', '市人力资源社会保障局', '市农业农村局'], 'separate', null],
      [7, 2, 3, ['市大数据局', '市政务服务中心'], 'lead', '市大数据局'],
      [8, 2, 3, ['市工商业联合会', '市农业农村局'], 'sole', null],
    ],
    targets: [
      [1, 2050000, '亩', '>=', '2024-12-31', 'count', null],
      [1, 1900000000, '斤', '>=', '2024-12-31', 'count', null],
      [2, 120000, '亩', '=', '2024-12-31', 'count', null],
      [3, 300, '个', '=', '2024-12-31', 'count', null],
      [4, 90, '%', '>=', '2024-12-31', 'coverage', null],
      [5, 200, '公里', '=', '2024-12-31', 'count', null],
      [6, 12000, '人次', '=', '2024-12-31', 'count', null],
      [8, 50, '家', '=', '2024-12-31', 'count', null],
    ],
    milestones: [[7, '2024-12-31']],
    goals: [],
    // The items start again at （1） under each 1、: numbered on through the document, and said so.
    doubts: [['numbering', null]],
  },
  {
    file: 'finance-work-points.txt',
    about:
      "a provincial 工作要点 of 一、 / 1. with 分别 lists (a decline for each, a noun shared: 城镇、农村居民), ranges (30-50个, 3-5万人次), 美元, 岁 and 年, loan growth, a size that picks projects (10亿元以上项目), a milestone whose date is its own, a quarter's end, central offices in the province, collective local governments, and person fields (【责任领导】, 责任人：)",
    title: '黑龙江省2024年金融服务实体经济和民生保障工作要点',
    year: 2024,
    parts: [
      [1, '稳住经济大盘'],
      [2, '办好民生实事'],
    ],
    sections: [],
    tasks: [
      [1, 1, 0, ['省发展改革委', '省统计局'], 'sole', null],
      // 人民银行…分行 and 黑龙江金融监管局 are central offices: the list's 省 is not theirs.
      [2, 1, 0, ['省地方金融管理局', '人民银行黑龙江省分行', '黑龙江金融监管局'], 'sole', null],
      [3, 1, 0, ['省商务厅', '哈尔滨海关'], 'sole', null],
      // 省直有关部门 names no one.
      [4, 1, 0, ['省生态环境厅'], 'lead', '省生态环境厅'],
      [5, 2, 0, ['各市（地）人民政府', '各县（市、区）人民政府'], 'sole', null],
      [6, 2, 0, ['省住房城乡建设厅', '省财政厅', '省发展改革委'], 'lead', '省住房城乡建设厅'],
      [7, 2, 0, ['省卫生健康委', '省教育厅'], 'separate', null],
      [8, 2, 0, ['省住房城乡建设厅'], 'sole', '省住房城乡建设厅'],
    ],
    targets: [
      [1, 5.5, '%', '~', '2024-12-31', 'growth', null],
      [1, 6, '%', '=', '2024-12-31', 'growth', null],
      [1, 7, '%', '=', '2024-12-31', 'growth', null],
      [2, 15, '%', '>=', '2024-12-31', 'growth', null],
      [3, 320000000000, '元', '=', '2024-12-31', 'count', null],
      [3, 100000000000, '元', '=', '2024-12-31', 'count', null],
      [3, 500000000, '美元', '=', '2024-12-31', 'count', null],
      [4, -2.5, '%', '=', '2024-12-31', 'growth', null],
      [4, -2, '%', '=', '2024-12-31', 'growth', null],
      [4, -3, '%', '=', '2024-12-31', 'growth', null],
      [5, 30, '个', '>=', '2024-12-31', 'count', null],
      [5, 30000, '人次', '>=', '2024-12-31', 'count', null],
      [6, 600, '个', '>=', '2024-12-31', 'count', null],
      [7, 0.3, '岁', '=', '2024-12-31', 'level', null],
      [7, 11.5, '年', '=', '2024-12-31', 'level', null],
      [8, 3000, '户', '=', '2024-09-30', 'count', null],
    ],
    milestones: [
      [6, '2024-05-31'],
      [8, '2024-09-30'],
    ],
    goals: [],
    doubts: [],
  },
  {
    file: 'notice-with-attachment.txt',
    about:
      'a county notice (关于印发…的通知) with its own 一、二、三 points, a 附件 line and signature, then the attachment with its own 一、 parts (numbered from 一 again) and tasks',
    title: '2024年为民办实事项目',
    year: 2024,
    // The notice's 提高认识 / 压实责任 / 强化督办 hold no task: the attachment's parts are the parts.
    parts: [
      [1, '教育和医疗'],
      [2, '城乡建设'],
    ],
    sections: [],
    tasks: [
      [1, 1, 0, ['县教育局'], 'sole', '县教育局'],
      [2, 1, 0, ['县卫生健康局'], 'sole', '县卫生健康局'],
      [3, 2, 0, ['县住房城乡建设局'], 'sole', '县住房城乡建设局'],
      [4, 2, 0, ['县交通运输局', '各乡镇人民政府'], 'lead', '县交通运输局'],
    ],
    targets: [
      [1, 2, '所', '=', '2024-12-31', 'count', null],
      [1, 540, '个', '=', '2024-12-31', 'count', null],
      [2, 12000, '人次', '=', '2024-12-31', 'count', null],
      [3, 8, '个', '=', '2024-12-31', 'count', null],
      [3, 2100, '户', '=', '2024-12-31', 'count', null],
      [4, 45, '公里', '=', '2024-12-31', 'count', null],
    ],
    milestones: [],
    goals: [],
    doubts: [],
  },
  {
    file: 'section-departments.txt',
    about:
      "departments named once under each heading (a 责任单位 line with （牵头）/（配合） marks, or the heading's own paren) for the numbered tasks below, 万亿元, quarters and 全年 in one sentence, 压减",
    title: '某市2024年开发区高质量发展工作安排',
    year: 2024,
    parts: [
      [1, '壮大主导产业'],
      [2, '提升开放水平'],
    ],
    // The headings' own statements are not part of their titles.
    sections: [
      [1, 2, '推进园区扩区调规'],
      [2, 2, '优化营商环境'],
    ],
    tasks: [
      [1, 1, 0, ['市工业和信息化局', '市发展改革委', '市商务局'], 'lead', '市工业和信息化局'],
      [2, 1, 0, ['市工业和信息化局', '市发展改革委', '市商务局'], 'lead', '市工业和信息化局'],
      [3, 2, 1, ['市自然资源局', '市发展改革委'], 'lead', '市自然资源局'],
      [4, 2, 1, ['市自然资源局', '市发展改革委'], 'lead', '市自然资源局'],
      [5, 2, 2, ['市营商环境建设局'], 'sole', '市营商环境建设局'],
      [6, 2, 2, ['市营商环境建设局'], 'sole', '市营商环境建设局'],
    ],
    targets: [
      [1, 1200000000000, '元', '>=', '2024-12-31', 'count', null],
      [1, 7, '%', '=', '2024-12-31', 'growth', null],
      [2, 20, '%', '=', '2024-03-31', 'coverage', null],
      [2, 60, '个', '=', '2024-06-30', 'count', null],
      [2, 120, '个', '=', '2024-12-31', 'count', null],
      [3, 3, '个', '=', '2024-12-31', 'count', null],
      [4, -3, '%', '=', '2024-12-31', 'growth', null],
      [5, 1, '个工作日', '<=', '2024-12-31', 'level', null],
      [6, 20000, '户', '=', '2024-12-31', 'count', null],
    ],
    milestones: [],
    goals: [],
    doubts: [],
  },
];
