import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, OUTPUT_DIR } from '../helpers/browser.js';
import { writeFixture } from '../helpers/ingest.js';

const CODE = '2021-T53-1'; // 完成客运班线改造 30条

/**
 * 目标分解 as an administrator does it: October's figures are in, a targets sheet goes up through
 * the upload form (数据类型 = 分解目标, no period column), and the regions page measures each city
 * against its own target — and one without a target by its share, with no status.
 */
describe('e2e/regional targets', () => {
  const suite = browserSuite(async (server) => {
    const res = await fetch(`${server.url}/api/uploads?file_name=10月.csv`, {
      method: 'POST',
      body: `指标编码,统计期,地区,数值\n${CODE},2021-10,长春市,6\n${CODE},2021-10,吉林市,2\n${CODE},2021-10,四平市,4\n${CODE},2021-10,全省,20\n`,
      headers: { ...server.adminHeaders, 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);
  });

  it('uploads a targets sheet through the form and sees each city measured against its own', async () => {
    const file = writeFixture(
      suite.server.dir,
      '客运班线改造任务分解.csv',
      `指标编码,地区,数值\r\n${CODE},长春市,8\r\n${CODE},吉林市,6\r\n`,
      'gb18030',
    );
    const page = await suite.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${suite.server.url}/uploads`);
    await page.waitForFunction(() => 'htmx' in window);
    await page.selectOption('select[name=series]', 'target');
    await page.setInputFiles('input[type=file]', file);
    await page.click('form.upload-form button[type=submit]');
    await page.waitForSelector('#upload-preview');
    expect(await page.locator('#upload-preview h3').textContent()).toBe('检查通过，请确认后提交');
    const rows = page.locator('tr.change-new');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('分解目标');
    await page.click('form.confirm button.primary');
    await page.waitForSelector('.notice-ok');

    await page.goto(`${suite.server.url}/regions?asof=2021-10`);
    const row = page.locator('#region-compare tbody tr', { hasText: '完成客运班线改造' });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('目标 8 · 75% 滞后');
    expect(text).toContain('目标 6 · 33.3% 严重滞后');
    expect(text).toContain('占全省 20%');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'regions-targets.png'), fullPage: true });

    // On a phone the page is no wider than the screen: the comparison scrolls inside its card.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'regions-targets-390.png'), fullPage: true });

    await page.goto(`${suite.server.url}/indicators/${CODE}?asof=2021-10`);
    expect(await page.locator('#regional-targets').textContent()).toContain('各地区合计 14条');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'indicator-regional-targets.png'), fullPage: true });
    await page.close();
  });
});
