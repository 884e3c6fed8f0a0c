import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentReadError, readDocumentText } from '../../src/catalog/extract/index.js';
import { type Parsed, readCatalog } from '../../src/catalog/parse.js';
import { loadConfig } from '../../src/config.js';
import { launchBrowser } from '../helpers/browser.js';
import { FIXTURES } from './expected.js';
import {
  manyPagesPdf,
  scannedPdf,
  toDocx,
  toDocxNumbered,
  toDocxTable,
  toPdf,
  toWebPage,
  zip,
} from './render.js';

// Chromium printing, child processes and hundreds of generated cases: more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const documents = path.join(import.meta.dirname, 'fixtures', 'documents');
const seed = path.join(loadConfig({}).seedsDir, 'jilin-2021-new-urbanization-key-tasks.txt');
const sources = [...FIXTURES.map((f) => path.join(documents, f.file)), seed];

/** The catalogue and doubts of a text, as the catalogue file would hold them. */
const parse = (text: string): Parsed => readCatalog(text, { id: 'document' });

async function parseBytes(bytes: Uint8Array, format: string): Promise<Parsed> {
  const read = await readDocumentText(bytes);
  expect(read.format).toBe(format);
  return parse(read.text);
}

describe('catalog/extract: each document as Word, PDF and a saved web page', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  for (const file of sources) {
    const name = path.basename(file);
    const text = readFileSync(file, 'utf8');

    it(`reads ${name} as a .docx into the same catalogue as its text`, async () => {
      expect(await parseBytes(await toDocx(text), 'docx')).toEqual(parse(text));
    });

    it(`reads ${name} printed to PDF (wrapped lines, running header, page numbers) into the same catalogue`, async () => {
      const pdf = await toPdf(browser, text);
      const read = await readDocumentText(pdf);
      expect(read.format).toBe('pdf');
      expect(read.text).not.toMatch(/某市人民政府办公室文件|— \d+ —/);
      expect(parse(read.text)).toEqual(parse(text));
    });

    it(`reads ${name} saved as a web page (nav, share bar, footer) into the same catalogue`, async () => {
      const read = await readDocumentText(toWebPage(text));
      expect(read.format).toBe('html');
      expect(read.text).not.toMatch(/首页|分享到|相关文章|网站标识码|浏览次数/);
      expect(parse(read.text)).toEqual(parse(text));
    });
  }

  it('reads a web page in GB2312 and a text file in GB18030', async () => {
    const text = readFileSync(path.join(documents, 'district-division.txt'), 'utf8');
    expect(await parseBytes(toWebPage(text, 'gb18030'), 'html')).toEqual(parse(text));
    const gbk = await readDocumentText(new Uint8Array(iconv.encode(text, 'gb18030')));
    expect(gbk).toMatchObject({ format: 'text', text });
    expect(gbk.warnings).toEqual([expect.stringContaining('GB18030')]);
  });

  it('reads a long PDF over several pages, with a larger type', async () => {
    const text = readFileSync(path.join(documents, 'national-opinion.txt'), 'utf8');
    const pdf = await toPdf(browser, text, 22);
    const { getDocumentProxy } = await import('unpdf');
    expect((await getDocumentProxy(new Uint8Array(pdf))).numPages).toBeGreaterThan(2);
    expect(await parseBytes(pdf, 'pdf')).toEqual(parse(text));
  });

  it('refuses a scanned PDF without a text layer, saying so in Chinese', async () => {
    const error = await readDocumentText(await scannedPdf(browser)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect(error).toMatchObject({ problem: 'scanned-pdf', message: expect.stringContaining('没有文字层') });
    expect((error as Error).message).not.toMatch(/at |\.ts|Error:/);
  });
});

describe('catalog/extract limits, checked before any work', () => {
  const refusal = async (bytes: Uint8Array) =>
    readDocumentText(bytes).catch((e: unknown) => e as DocumentReadError);

  it('refuses a file over 20 MB, an empty file and a binary file', async () => {
    expect(await refusal(new Uint8Array(20 * 1024 * 1024 + 1))).toMatchObject({
      problem: 'too-large',
      message: expect.stringContaining('20 MB'),
    });
    expect(await refusal(new Uint8Array())).toMatchObject({ problem: 'empty' });
    expect(
      await refusal(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x89, 0x00, 0x00, 0x10, 0x00, 0x07])),
    ).toMatchObject({
      problem: 'binary',
    });
  });

  it('refuses a zip bomb dressed as Word, whether its headers tell the truth or lie', async () => {
    const xml = (size: number) => new Uint8Array(size).fill(0x20);
    const honest = zip([
      { name: '[Content_Types].xml', data: xml(10) },
      { name: 'word/document.xml', data: xml(10), declaredSize: 300 * 1024 * 1024 },
    ]);
    expect(await refusal(honest)).toMatchObject({
      problem: 'zip-bomb',
      message: expect.stringContaining('解压后'),
    });
    const lying = zip([{ name: 'word/document.xml', data: xml(80 * 1024 * 1024), declaredSize: 1000 }]);
    expect(lying.length).toBeLessThan(200_000);
    expect(await refusal(lying)).toMatchObject({ problem: 'zip-bomb' });
  });

  it('names what another kind of file is: a spreadsheet, an old .doc', async () => {
    const xlsx = zip([{ name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') }]);
    expect(await refusal(xlsx)).toMatchObject({
      problem: 'unsupported',
      message: expect.stringContaining('Excel'),
    });
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(doc)).toMatchObject({
      problem: 'unsupported',
      message: expect.stringContaining('.docx'),
    });
  });

  it('refuses a PDF of thousands of pages without reading them', async () => {
    const error = await refusal(manyPagesPdf(5000));
    expect(error).toMatchObject({ problem: 'too-many-pages', message: expect.stringContaining('5000 页') });
  });
});

describe('catalog/extract: a 分工 table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限)', () => {
  const expectTable = ({ catalog, doubts }: Parsed) => {
    expect(catalog.document).toMatchObject({ title: '宽城区2024年重点工作任务分工表', year: 2024 });
    expect(catalog.parts.map((p) => p.title)).toEqual(['扩大有效投资', '增进民生福祉']);
    expect(catalog.tasks.map((t) => [t.seq, t.part, t.departments, t.departmentMode, t.lead])).toEqual([
      [1, 1, ['区发改局', '区财政局', '区自然资源分局'], 'lead', '区发改局'],
      [2, 1, ['区发改局', '区住建局'], 'lead', '区发改局'], // 牵头单位 merged over two rows
      [3, 2, ['区人社局', '各街道'], 'lead', '区人社局'],
      [4, 2, ['区住建局'], 'lead', '区住建局'],
    ]);
    // 完成时限 is each row's deadline; 牵头领导 (a person) is no department.
    expect(
      catalog.tasks.flatMap((t) => t.indicators.map((i) => [t.seq, i.value, i.unit, i.deadline, i.kind])),
    ).toEqual([
      [1, 100, '个', '2024-12-31', 'count'],
      [1, 8, '%', '2024-12-31', 'growth'],
      [2, 20, '个', '2024-09-30', 'count'],
      [3, 8000, '人', '2024-12-31', 'count'],
      [3, 5000, '人次', '2024-12-31', 'count'],
      [4, 15, '个', '2024-10-31', 'count'],
      [4, 5, '个', '2024-10-31', 'count'],
    ]);
    expect(doubts).toEqual([]);
  };

  it('reads it from a saved web page', async () => {
    const html = new Uint8Array(readFileSync(path.join(documents, 'table-division.html')));
    expectTable(await parseBytes(html, 'html'));
  });

  it('reads it from a Word table, merged heading rows included', async () => {
    const docx = await toDocxTable(
      '宽城区2024年重点工作任务分工表',
      '为确保全年目标任务落地见效，现将2024年重点工作任务分解如下。',
      [
        ['序号', '重点任务', '牵头单位', '配合单位', '牵头领导', '完成时限'],
        ['=一、扩大有效投资'],
        [
          '1',
          '实施重点项目100个，完成固定资产投资增长8%。',
          '区发改局',
          '区财政局、区自然资源分局',
          '张某某',
          '2024年12月底前',
        ],
        ['2', '新开工亿元以上项目20个。', '区发改局', '区住建局', '张某某', '2024年9月底前'],
        ['=二、增进民生福祉'],
        [
          '3',
          '新增城镇就业8000人，开展职业技能培训5000人次。',
          '区人社局',
          '各街道',
          '李某某',
          '2024年12月底前',
        ],
        ['4', '改造老旧小区15个，新建口袋公园5个。', '区住建局', '', '王某某', '2024年10月底前'],
      ],
    );
    expectTable(await parseBytes(docx, 'docx'));
  });
});

describe('catalog/extract: a page or a Word table of 分工 that is nearly all table', () => {
  const rows = [
    ['序号', '实事项目', '具体目标', '牵头单位', '责任单位'],
    ['=一、就业和社会保障'],
    [
      '1',
      '促进高校毕业生就业',
      '新增城镇就业12万人，开发见习岗位1万个。',
      '市人社局',
      '各区县（市）人民政府',
    ],
    ['2', '提升养老服务能力', '新增普惠养老床位2000张。', '市民政局', '各区县（市）人民政府'],
    ['=二、教育'],
    ['3', '扩大基础教育学位供给', '新增学位4.5万个。', '市教育局', '市发展改革委'],
  ];
  const expectRows = ({ catalog }: Parsed) => {
    expect(catalog.parts.map((p) => p.title)).toEqual(['就业和社会保障', '教育']);
    expect(catalog.tasks.map((t) => [t.part, t.departments[0], t.lead])).toEqual([
      [1, '市人社局', '市人社局'],
      [1, '市民政局', '市民政局'],
      [2, '市教育局', '市教育局'],
    ]);
    // The 具体目标 column is part of each task: its figures are the targets.
    expect(catalog.tasks.map((t) => t.indicators.map((i) => [i.value, i.unit]))).toEqual([
      [
        [120000, '人'],
        [10000, '个'],
      ],
      [[2000, '张']],
      [[45000, '个']],
    ]);
  };

  it('reads a web page whose article is the table (the container found is not inside it)', async () => {
    const cell = (c: string, tag = 'td') => `<${tag}>${c}</${tag}>`;
    const body = rows
      .map((r, i) =>
        r[0]?.startsWith('=')
          ? `<tr><td colspan="5">${r[0].slice(1)}</td></tr>`
          : `<tr>${r.map((c) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`,
      )
      .join('');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2024年长沙市重点民生实事项目清单</title></head><body>
      <div class="nav"><a href="/">首页</a><a href="/zw">政务公开</a></div>
      <div class="article"><h1>2024年长沙市重点民生实事项目清单</h1><table><tbody>${body}</tbody></table></div>
      <div class="footer">主办单位：长沙市人民政府办公厅</div></body></html>`;
    expectRows(await parseBytes(new TextEncoder().encode(html), 'html'));
  });

  it('reads a header of two rows: 责任单位 over 牵头单位 and 配合单位', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="article">
      <h1>2024年城市更新重点任务分工表</h1><table>
      <tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
      <tr><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>1</td><td>改造燃气管道1200公里。</td><td>市住房城乡建设局</td><td>市发展改革委、市财政局</td><td>2024年底</td></tr>
      <tr><td>2</td><td>新建便民生活圈20个。</td><td>市商务局</td><td>各区政府</td><td>2024年10月底前</td></tr>
      </table></div></body></html>`;
    const { catalog } = await parseBytes(new TextEncoder().encode(html), 'html');
    expect(catalog.tasks.map((t) => [t.text, t.departments, t.departmentMode, t.lead])).toEqual([
      [
        '改造燃气管道1200公里。',
        ['市住房城乡建设局', '市发展改革委', '市财政局'],
        'lead',
        '市住房城乡建设局',
      ],
      ['新建便民生活圈20个。', ['市商务局', '各区政府'], 'lead', '市商务局'],
    ]);
    expect(catalog.tasks.map((t) => t.indicators[0]?.deadline)).toEqual(['2024-12-31', '2024-10-31']);
  });

  it('reads a Word table whose target column stands beside the task column', async () => {
    const docx = await toDocxTable('2024年长沙市重点民生实事项目清单', '现将项目清单印发如下。', rows);
    expectRows(await parseBytes(docx, 'docx'));
  });
});

describe('catalog/extract: Word numbering drawn by Word, not typed', () => {
  it('reads a multi-level numbered list (一、 / （一） / 1、) into the same catalogue as the typed text', async () => {
    const text = readFileSync(path.join(documents, 'energy-plan.txt'), 'utf8');
    const read = await readDocumentText(await toDocxNumbered(text));
    expect(read.warnings).toEqual([]);
    expect(parse(read.text)).toEqual(parse(text));
  });
});
