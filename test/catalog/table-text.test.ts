import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../src/catalog/extract/index.js';
import { readCatalog } from '../../src/catalog/parse.js';

const page = (body: string) =>
  new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市2023年重点工作任务分解表</title></head>
<body><div class="article"><h2>某市2023年政府工作报告重点工作任务分解表</h2>
<p>为确保政府工作报告确定的各项目标任务落到实处，现将重点工作任务分解如下。</p>${body}</div></body></html>`);

const parse = async (bytes: Uint8Array) => readCatalog((await readDocumentText(bytes)).text).catalog;

describe('catalog/extract/table: 分工 tables as the parser reads them', () => {
  it('reads a 类别 column merged down over its tasks as the parts they fall in', async () => {
    const catalog = await parse(
      page(`<table><tr><th>序号</th><th>类别</th><th>重点任务</th><th>牵头市领导</th><th>责任单位</th><th>完成时限</th></tr>
<tr><td>1</td><td rowspan="2">扩大有效需求</td><td>新开工亿元以上项目150个。</td><td>张某某</td><td>市发展改革委</td><td>2023年12月</td></tr>
<tr><td>2</td><td>举办促消费活动100场以上。</td><td>李某某</td><td>市商务局</td><td>2023年12月</td></tr>
<tr><td>3</td><td>保障和改善民生</td><td>城镇新增就业4万人。</td><td>赵某某</td><td>市人力资源社会保障局</td><td>2023年12月</td></tr>
</table>`),
    );
    expect(catalog.parts).toEqual([
      { no: 1, title: '扩大有效需求' },
      { no: 2, title: '保障和改善民生' },
    ]);
    expect(catalog.tasks.map((t) => [t.seq, t.part, t.departments])).toEqual([
      [1, 1, ['市发展改革委']],
      [2, 1, ['市商务局']],
      [3, 2, ['市人力资源社会保障局']],
    ]);
  });

  it('reads a task merged over rows of its own 具体措施 as one task, each measure by its own deadline', async () => {
    const catalog = await parse(
      page(`<table><tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>牵头单位</th><th>完成时限</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">提升基层医疗服务能力</td><td>建成社区卫生服务中心3个</td><td>区卫生健康局</td><td>2023年10月底前</td></tr>
<tr><td>家庭医生签约服务覆盖率达到45%以上</td><td>区卫生健康局</td><td>2023年12月</td></tr>
<tr><td>2</td><td>办好群众身边教育</td><td>新建幼儿园2所</td><td>区教育局</td><td>2023年8月底前</td></tr></table>`),
    );
    expect(
      catalog.tasks.map((t) => [
        t.seq,
        t.departments,
        t.indicators.map((i) => [i.value, i.unit, i.deadline]),
      ]),
    ).toEqual([
      [
        1,
        ['区卫生健康局'],
        [
          [3, '个', '2023-10-31'],
          [45, '%', '2023-12-31'],
        ],
      ],
      [2, ['区教育局'], [[2, '所', '2023-08-31']]],
    ]);
  });

  it('reads numbered measures inside one cell (1.…<br>2.…) as parts of its row’s task, not as tasks', async () => {
    const catalog = await parse(
      page(`<table><tr><td>序号</td><td>工作任务</td><td>目标任务</td><td>牵头单位</td><td>时间节点</td></tr>
<tr><td>1</td><td>深化党建引领</td><td>1.推进社区党组织标准化建设<br>2.完成社区“两委”成员培训全覆盖</td><td>区委组织部</td><td>长期坚持</td></tr>
<tr><td>2</td><td>推进网格化管理</td><td>全区划分网格1200个</td><td>区委政法委</td><td>2023年6月</td></tr></table>`),
    );
    expect(
      catalog.tasks.map((t) => [t.seq, t.departments, t.indicators.map((i) => [i.value, i.deadline])]),
    ).toEqual([
      [1, ['区委组织部'], [[100, '2023-12-31']]],
      [2, ['区委政法委'], [[1200, '2023-06-30']]],
    ]);
    expect(catalog.tasks[0]?.text).toBe(
      '深化党建引领。（1）推进社区党组织标准化建设；（2）完成社区“两委”成员培训全覆盖。',
    );
  });

  it('reads 附表 tables as attachments of their own, a bare figure column completing its row’s words', async () => {
    const catalog = await parse(
      page(`<p>一、工作要求</p><p>各部门要认真落实。</p><p>附表1 2023年主要指标任务分解表</p>
<table><tr><td>序号</td><td>指标任务</td><td>目标值</td><td>责任单位</td></tr>
<tr><td>1</td><td>地区生产总值增长</td><td>6.5%</td><td>市发展改革委</td></tr></table>
<p>附表2 2023年重点项目任务分解表</p>
<table><tr><td>序号</td><td>重点任务</td><td>责任单位</td></tr>
<tr><td>2</td><td>建成污水处理厂2座</td><td>市住房城乡建设局</td></tr></table>`),
    );
    expect(catalog.parts.map((p) => p.title)).toEqual([
      '2023年主要指标任务分解表',
      '2023年重点项目任务分解表',
    ]);
    expect(
      catalog.tasks.map((t) => [t.seq, t.part, t.indicators.map((i) => [i.value, i.unit, i.kind])]),
    ).toEqual([
      [1, 1, [[6.5, '%', 'growth']]],
      [2, 2, [[2, '座', 'count']]],
    ]);
  });

  it('reads a table of figures by place (a 目标 column of numbers) as figures, not as tasks', async () => {
    const catalog = await parse(
      page(`<p>一、深入打好蓝天保卫战</p><p>1.细颗粒物平均浓度控制在32微克/立方米以下。（市生态环境局负责）</p>
<p>附件</p><p>各县（市、区）空气质量目标</p>
<table><tr><td>序号</td><td>县（市、区）</td><td>PM2.5浓度目标（微克/立方米）</td><td>优良天数比例目标（%）</td><td>责任单位</td></tr>
<tr><td>1</td><td>甲区</td><td>34</td><td>87.5</td><td>甲区人民政府</td></tr>
<tr><td>2</td><td>乙县</td><td>30</td><td>90.2</td><td>乙县人民政府</td></tr></table>`),
    );
    expect(catalog.tasks.map((t) => [t.seq, t.text, t.departments])).toEqual([
      [1, '细颗粒物平均浓度控制在32微克/立方米以下。', ['市生态环境局']],
    ]);
  });
});
