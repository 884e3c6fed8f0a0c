import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../../src/catalog/extract/index.js';
import { readCatalog } from '../../src/catalog/parse.js';

const page = (article: string) =>
  new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区2023年工作要点</title></head>
<body><div class="nav"><a href="/">首页</a></div><div class="article"><h2 class="tit">某区2023年工作要点</h2>
<div class="TRS_Editor">${article}</div></div><div class="footer">某区人民政府 版权所有</div></body></html>`);

describe('catalog/extract/html: numbered lists', () => {
  it('writes the numbers a browser draws for <ol> items in front of them, as a typed text has them', async () => {
    const html =
      page(`<p>为持续优化营商环境，激发市场主体活力，推动全区经济高质量发展，现制定工作要点如下。</p>
<ol style="list-style-type: cjk-ideographic"><li><b>提升政务服务水平</b>
  <ol><li><p>推行“一窗通办”，综合窗口设置比例达到80%以上。（区政务服务中心负责）</p></li>
  <li><p>年内建成便民服务站20个。（区政务服务中心负责）</p></li></ol></li>
<li><b>优化法治环境</b>
  <ol start="3"><li>涉企行政执法案卷评查合格率达到95%。（区司法局负责）</li>
  <li value="5">涉企矛盾纠纷调解成功率达到90%。（区司法局负责）</li>
  <li>6.开展普法宣传活动30场。（区司法局负责）</li></ol></li></ol>`);
    const typed = `某区2023年工作要点
为持续优化营商环境，激发市场主体活力，推动全区经济高质量发展，现制定工作要点如下。
一、提升政务服务水平
1.推行“一窗通办”，综合窗口设置比例达到80%以上。（区政务服务中心负责）
2.年内建成便民服务站20个。（区政务服务中心负责）
二、优化法治环境
3.涉企行政执法案卷评查合格率达到95%。（区司法局负责）
5.涉企矛盾纠纷调解成功率达到90%。（区司法局负责）
6.开展普法宣传活动30场。（区司法局负责）`;
    const read = await readDocumentText(html);
    expect(read.text).toBe(typed);
    const parsed = readCatalog(read.text, { id: 'lists' });
    expect(parsed.catalog.parts).toHaveLength(2);
    expect(parsed.catalog.tasks).toHaveLength(5);
  });
});
