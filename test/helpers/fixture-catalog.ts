import type { Catalog } from '../../src/catalog/types.js';

/** A small hand-made catalogue with one indicator of each kind, for tests that need no parser. */
export const FIXTURE_CATALOG: Catalog = {
  document: { id: 'fixture-2021', title: '测试省2021年重点任务', year: 2021 },
  parts: [{ no: 1, title: '测试部分' }],
  sections: [{ no: 1, part: 1, title: '测试节' }],
  tasks: [
    {
      seq: 1,
      part: 1,
      section: 1,
      text: '开展培训3.6万人以上，新建公租房1000套。（省人力资源社会保障厅负责）',
      departments: ['省人力资源社会保障厅'],
      departmentMode: 'sole',
      indicators: [
        {
          code: '2021-T1-1',
          name: '职业技能培训',
          value: 36000,
          unit: '人',
          comparator: '>=',
          deadline: '2021-12-31',
          kind: 'count',
          source: '3.6万人以上',
        },
        {
          code: '2021-T1-2',
          name: '新筹集公租房',
          value: 1000,
          unit: '套',
          comparator: '=',
          deadline: '2021-10-31',
          kind: 'count',
          source: '1000套',
        },
      ],
    },
    {
      seq: 2,
      part: 1,
      section: 1,
      text: '确保县域内就诊率保持在90%以上。（省卫生健康委负责）',
      departments: ['省卫生健康委'],
      departmentMode: 'sole',
      indicators: [
        {
          code: '2021-T2-1',
          name: '县域内就诊率',
          value: 90,
          unit: '%',
          comparator: '>=',
          deadline: '2021-12-31',
          kind: 'level',
          source: '90%以上',
        },
      ],
    },
    {
      seq: 3,
      part: 1,
      section: 1,
      text: '力争年底前基本完成站房主体工程。（省交通运输厅负责）',
      departments: ['省交通运输厅'],
      departmentMode: 'sole',
      indicators: [
        {
          code: '2021-T3-1',
          name: '基本完成站房主体工程',
          value: null,
          unit: null,
          comparator: '=',
          deadline: '2021-12-31',
          kind: 'milestone',
          source: '力争年底前基本完成站房主体工程',
        },
      ],
    },
  ],
};
