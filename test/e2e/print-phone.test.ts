import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { browserSuite, OUTPUT_DIR } from '../helpers/browser.js';

/** The pages of a printed PDF and the text on each. */
async function printed(bytes: Buffer): Promise<{ pages: number; text: string[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return { pages: pdf.numPages, text: text as string[] };
}

// What a printed page must never show: navigation, the account, the page's own controls.
const SCREEN_ONLY = ['下载 SVG', '各月数据', '数据填报', '月报快照', '审计'];

describe('e2e/print and phone', () => {
  const suite = browserSuite(async (server) => {
    const res = await fetch(`${server.url}/sample`, {
      method: 'POST',
      redirect: 'manual',
      headers: server.adminHeaders,
    });
    if (res.status !== 303) throw new Error(`sample: ${res.status}`);
  });

  it('prints the briefing on at most two A4 pages, with no navigation or account', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/briefing`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      path: path.join(OUTPUT_DIR, 'briefing.pdf'),
      format: 'A4',
      printBackground: true,
    });
    const { pages, text } = await printed(pdf);
    expect(pages).toBeLessThanOrEqual(2);
    for (const word of SCREEN_ONLY) expect(text.join('\n'), word).not.toContain(word);
    expect(text.join('\n')).toContain('落实情况');
    expect(await page.locator('.account-menu').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'briefing-print.png'), fullPage: true });
    await page.close();
  });

  it('prints the overview without navigation, download links or the monthly tables', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: path.join(OUTPUT_DIR, 'overview.pdf'), format: 'A4' });
    const { text } = await printed(pdf);
    for (const word of SCREEN_ONLY) expect(text.join('\n'), word).not.toContain(word);
    // Every chart prints whole: none is cut by a page break.
    const split = await page
      .locator('.chart, .multiple, figure')
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).breakInside !== 'avoid').length);
    expect(split).toBe(0);
    await page.close();
  });

  it('reads on a 390 px phone: the menu in one or two rows, nothing wider than the screen', async () => {
    const page = await suite.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    for (const [name, url] of [
      ['overview', '/'],
      ['briefing', '/briefing'],
      ['departments', '/departments'],
      ['indicator', '/indicators/2021-T10-1'],
    ] as const) {
      await page.goto(`${suite.server.url}${url}`);
      const nav = await page.locator('.mainnav').boundingBox();
      expect(nav?.height ?? 0, `${name}: menu height`).toBeLessThan(120);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `${name}: page width`).toBeLessThanOrEqual(390);
      // No menu item broken one character per line.
      const tall = await page
        .locator('.mainnav a')
        .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 48).length);
      expect(tall, `${name}: menu items`).toBe(0);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `phone-${name}.png`), fullPage: false });
    }
    await page.goto(`${suite.server.url}/`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // 30,500 px before the phone layout; the whole document is on this page, tasks in two lines.
    expect(height).toBeLessThan(20_000);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'phone-overview-full.png'), fullPage: true });
    await page.close();
  });
});
