import type { Catalog } from '../../src/catalog/types.js';

/** A small document of 2023 whose second task names no department (a doubt for the reviewer). */
export const CITY_2023 = `某市2023年城市更新重点任务

一、城市更新
（一）老旧小区改造
1．改造老旧小区1200个，新建停车位3000个。（市住建局负责）
2．新建口袋公园20个。
3．完成燃气管网改造500公里。（省发改委、省财政厅分别负责）
二、公共服务
（二）教育
4．新增学位8000个。（市教育局负责）
`;

/** The 2022 edition, as short as a test needs: a renamed training target and an unrelated one. */
export const EDITION_2022: Catalog = {
  document: { id: 'jilin-2022-test', title: '吉林省2022年新型城镇化建设重点任务', year: 2022 },
  parts: [{ no: 1, title: '促进农业转移人口有序有效融入城市' }],
  sections: [{ no: 1, part: 1, title: '提升农业转移人口技能素质' }],
  tasks: [
    {
      seq: 1,
      part: 1,
      section: 1,
      text: '开展农民工稳就业职业技能培训15万人次以上，农民工向农技工转型培训3万人，新建停车泊位2000个。（省人力资源社会保障厅负责）',
      departments: ['省人力资源社会保障厅'],
      departmentMode: 'sole',
      indicators: [
        {
          code: '2022-T1-1',
          name: '农民工稳就业职业技能培训',
          value: 150000,
          unit: '人次',
          comparator: '>=',
          deadline: '2022-12-31',
          kind: 'count',
          source: '15万人次以上',
        },
        {
          code: '2022-T1-2',
          name: '新建停车泊位',
          value: 2000,
          unit: '个',
          comparator: '>=',
          deadline: '2022-12-31',
          kind: 'count',
          source: '2000个',
        },
        {
          code: '2022-T1-3',
          name: '农民工向农技工转型培训人数',
          value: 30000,
          unit: '人',
          comparator: '>=',
          deadline: '2022-12-31',
          kind: 'count',
          source: '3万人',
        },
      ],
    },
  ],
};
