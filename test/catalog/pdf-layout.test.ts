import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocumentText } from '../../src/catalog/extract/index.js';
import { readCatalog } from '../../src/catalog/parse.js';
import { launchBrowser } from '../helpers/browser.js';
import { printHtml } from './render.js';

// Chromium printing: more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const page = (body: string, style = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 1.6; margin: 0; }
    h1 { font-size: 22pt; text-align: center; margin: 0 0 1em; }
    p { text-indent: 2em; margin: 0; text-align: justify; }
    .next { break-before: page; }
    ${style}
  </style></head><body>${body}</body></html>`;

describe('catalog/extract/pdf: page furniture', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  it('keeps a short line ending a page that also ends a paragraph on another page', async () => {
    // A paragraph as the lines a page prints, each but the last justified to the right margin:
    // 责） is a line of its own, the last of page 2 and in the middle of page 3.
    const wrapped = (first: string, rest: string) =>
      `<div class="full" style="text-indent: 2em">${first}</div><div>${rest}</div>`;
    const html = page(
      `<h1>某市2023年重点工作任务</h1>
      <p>为推动经济运行整体好转，制定如下措施。</p>
      <p class="next">一、扩大有效投资</p>
      ${wrapped('1.实施重大项目攻坚行动，加快推进项目建设。（市发展改革委、市财政局负', '责）')}
      <p class="next">二、促进消费恢复</p>
      <p>（一）培育消费新场景</p>
      ${wrapped('2.开展消费促进月系列活动，激发消费市场活力。（市商务局、市财政局负', '责）')}
      <p>3.发展夜间经济。（市商务局负责）</p>
      <p class="next">三、稳定市场主体</p>
      <p>4.培育壮大市场主体。（市市场监管局负责）</p>`,
      '.full { text-align: justify; text-align-last: justify; }',
    );
    const read = await readDocumentText(await printHtml(browser, html));
    expect(read.text).not.toMatch(/某市人民政府办公室文件|— \d+ —/);
    const { catalog } = readCatalog(read.text, { id: 'furniture' });
    expect(catalog.tasks.map((t) => t.departments)).toEqual([
      ['市发展改革委', '市财政局'],
      ['市商务局', '市财政局'],
      ['市商务局'],
      ['市市场监管局'],
    ]);
  });
});
