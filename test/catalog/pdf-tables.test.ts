import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocumentText } from '../../src/catalog/extract/index.js';
import { readCatalog } from '../../src/catalog/parse.js';
import { launchBrowser } from '../helpers/browser.js';
import { printHtml } from './render.js';

// Chromium printing: more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const LEADS = [
  '市发展改革委',
  '市住房城乡建设局',
  '市人力资源社会保障局',
  '市工业和信息化局',
  '市市场监管局',
];
const WITH = ['市财政局', '市自然资源局、市政务服务局', '市商务局、市交通运输局、市生态环境局'];

/** A task long enough to wrap over two to four lines of its cell, with targets to read. */
const task = (n: number) =>
  `推进第${n}批重点项目建设，${'完善配套设施，提升服务水平，'.repeat(n % 4)}年内完成投资${n * 10}亿元以上，新增就业岗位${n * 100}个。`;

/**
 * A 分工 table over several pages (its header repeated on each), cells wrapped over several lines,
 * headings across the table and, set in the middle of its cells, a 牵头单位 merged over two rows
 * (set at the top, a merged cell prints as a cell above an empty one: nothing tells them apart).
 */
function divisionTable(align: 'middle' | 'top', repeated = true): string {
  const rows: string[] = [];
  let n = 0;
  for (const [k, heading] of ['一、扩大有效投资', '二、促进消费恢复', '三、稳定市场主体'].entries()) {
    rows.push(`<tr><td colspan="5">${heading}</td></tr>`);
    for (let j = 0; j < 5; j++) {
      n += 1;
      const lead = LEADS[(n + k) % LEADS.length];
      // The second task shares the first one's 牵头单位 (a cell merged over two rows).
      const merged = align === 'middle';
      const leadCell = merged && n === 2 ? '' : `<td${merged && n === 1 ? ' rowspan="2"' : ''}>${lead}</td>`;
      rows.push(
        `<tr><td class="c">${n}</td><td>${task(n)}</td>${leadCell}<td>${WITH[n % WITH.length]}</td><td>2024年${(n % 12) + 1}月底前</td></tr>`,
      );
    }
  }
  // In a <thead>, Chromium prints the header again on each page.
  const header =
    '<tr><th style="width:7%">序号</th><th style="width:45%">重点任务</th><th style="width:15%">牵头单位</th><th style="width:18%">配合单位</th><th style="width:15%">完成时限</th></tr>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>某市2024年重点任务分工方案</title><style>
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 14pt; line-height: 1.6; margin: 0; }
    h1 { font-size: 20pt; text-align: center; }
    p { text-indent: 2em; margin: 0; text-align: justify; }
    table { border-collapse: collapse; width: 100%; font-size: 11pt; }
    td, th { border: 1px solid #000; padding: 4px; vertical-align: ${align}; }
    td.c { text-align: center; }
    tr { break-inside: avoid; }
  </style></head><body>
  <h1>某市2024年重点任务分工方案</h1>
  <p>为推动经济运行整体好转，制定本分工方案。各牵头单位要会同配合单位制定具体措施。</p>
  <table>${repeated ? `<thead>${header}</thead>` : ''}
  <tbody>${repeated ? '' : header}${rows.join('')}</tbody></table>
  <p>各单位要于每季度末报送工作进展情况。</p>
  </body></html>`;
}

const MUBIAO = [
  [
    '1',
    '推进重大项目建设',
    '实施省市重点项目120个，完成投资300亿元',
    '市发展改革委',
    '各县（市、区）人民政府',
    '2024年12月',
  ],
  ['2', '加强项目谋划储备', '谋划储备项目500个以上', '市发展改革委', '市财政局', '持续推进'],
  [
    '3',
    '开展促消费活动',
    '举办促消费活动50场以上，社会消费品零售总额增长6%',
    '市商务局',
    '市文化广电旅游局',
    '2024年12月',
  ],
  ['4', '培育消费新业态', '建设一刻钟便民生活圈20个', '市商务局', '各县（市、区）人民政府', '长期坚持'],
];

/**
 * A 分工 table of six columns (序号 | 工作任务 | 目标任务 | 牵头单位 | 配合单位 | 时间节点) sized by its
 * text alone, as a page saved from a government site is printed; `groups` puts a row across the
 * table over each two tasks, `css` sets the cells' widths.
 */
function mubiaoTable({ groups = false, css = '' }: { groups?: boolean; css?: string }): string {
  const header = ['序号', '工作任务', '目标任务', '牵头单位', '配合单位', '时间节点'];
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const group = (text: string) => `<tr><td colspan="6">${text}</td></tr>`;
  const body = groups
    ? [
        group('一、扩大有效投资'),
        ...MUBIAO.slice(0, 2).map(row),
        group('二、促进消费增长'),
        ...MUBIAO.slice(2).map(row),
      ]
    : MUBIAO.map(row);
  return `<!doctype html><html><head><meta charset="utf-8"><title>某市2024年稳经济重点任务清单</title><style>
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 1.55; }
    h1 { font-size: 22pt; text-align: center; font-weight: normal; }
    table { border-collapse: collapse; width: 100%; font-size: 12pt; }
    td { border: 1px solid #000; padding: 4px; vertical-align: middle; }
    ${css}
  </style></head><body><h1>某市2024年稳经济重点任务清单</h1>
  <table>${row(header)}${body.join('')}</table></body></html>`;
}

/** 序号, 牵头单位 and 时间节点 on one line each: the header's names no longer wrap. */
const NOWRAP = 'td:nth-child(1), td:nth-child(4), td:nth-child(6) { white-space: nowrap; }';

/** The text items of a PDF's first page, as pdf.js gives them. */
async function firstPageItems(pdf: Uint8Array): Promise<string[]> {
  const { getDocumentProxy } = await import('unpdf');
  const page = await (await getDocumentProxy(new Uint8Array(pdf))).getPage(1);
  return (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
}

describe('catalog/extract/pdf: a 分工 table', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  for (const [align, repeated] of [
    ['middle', true],
    ['top', true],
    ['middle', false],
  ] as const) {
    it(`reads a table over several pages (cells set ${align}, header ${repeated ? '' : 'not '}repeated) as the same table saved as a web page`, async () => {
      const html = divisionTable(align, repeated);
      const pdf = await printHtml(browser, html);
      const { getDocumentProxy } = await import('unpdf');
      expect((await getDocumentProxy(new Uint8Array(pdf))).numPages).toBeGreaterThan(1);
      const fromPdf = await readDocumentText(pdf);
      const fromPage = await readDocumentText(new TextEncoder().encode(html));
      expect(fromPdf.text).toBe(fromPage.text);
      const parsed = readCatalog(fromPdf.text, { id: 'table' });
      expect(parsed).toEqual(readCatalog(fromPage.text, { id: 'table' }));
      expect(parsed.catalog.tasks).toHaveLength(15);
      const lead = align === 'middle' ? '市住房城乡建设局' : '市人力资源社会保障局';
      expect(parsed.catalog.tasks[1]?.departments).toEqual([
        lead,
        '市商务局',
        '市交通运输局',
        '市生态环境局',
      ]);
    });
  }

  /** The PDF of a table reads as the table saved as a web page: the same text, the same catalogue. */
  async function expectSameAsPage(html: string, pdf: Uint8Array) {
    const fromPdf = await readDocumentText(pdf);
    const fromPage = await readDocumentText(new TextEncoder().encode(html));
    expect(fromPdf.text).toBe(fromPage.text);
    const parsed = readCatalog(fromPdf.text, { id: 'table' });
    expect(parsed).toEqual(readCatalog(fromPage.text, { id: 'table' }));
    expect(parsed.catalog.tasks.map((t) => t.departments)).toEqual([
      ['市发展改革委', '各县（市、区）人民政府'],
      ['市发展改革委', '市财政局'],
      ['市商务局', '市文化广电旅游局'],
      ['市商务局', '各县（市、区）人民政府'],
    ]);
  }

  it('reads a table whose column names wrap in their cells (序/号, 牵头单/位) as the same table saved as a web page', async () => {
    const html = mubiaoTable({});
    const pdf = await printHtml(browser, html);
    // Chromium gives the narrow columns' names over two lines.
    expect(await firstPageItems(pdf)).toEqual(expect.arrayContaining(['序', '号']));
    await expectSameAsPage(html, pdf);
  });

  it("tells columns apart by where their cells' text stands, not by their names, where a cell's text runs up to the next", async () => {
    // 市发展改革委 on one line runs past its name and stops short of the next cell's text by the
    // padding alone.
    const html = mubiaoTable({ css: NOWRAP });
    const pdf = await printHtml(browser, html);
    expect(await firstPageItems(pdf)).toContain('序号');
    await expectSameAsPage(html, pdf);
  });

  it('reads a row across the whole table (一、扩大有效投资) as a heading over its tasks, as a web page does', async () => {
    const html = mubiaoTable({ groups: true, css: NOWRAP });
    const pdf = await printHtml(browser, html);
    const fromPdf = await readDocumentText(pdf);
    expect(fromPdf.text).toContain('\n一、扩大有效投资\n');
    await expectSameAsPage(html, pdf);
  });
});
