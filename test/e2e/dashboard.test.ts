import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, htmxSettled, OUTPUT_DIR } from '../helpers/browser.js';

describe('e2e/dashboard', () => {
  const suite = browserSuite();

  it('starts empty with what to do, and comes alive with the sample data', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/`);
    expect(await page.locator('.empty-dashboard h2').textContent()).toBe('还没有报送任何数据');
    await page.click('.empty-dashboard button');
    await page.waitForSelector('.status-strip');
    expect(await page.locator('.dashboard-title').textContent()).toBe('截至2021年10月完成情况');
    const total = await page
      .locator('.status-count')
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent), 0));
    expect(total).toBe(68);
    expect(await page.locator('.headline').count()).toBe(6);
    expect(await page.locator('.multiple svg').count()).toBe(23);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'dashboard.png'), fullPage: false });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'dashboard-full.png'), fullPage: true });
    // On A4 paper: no filters or navigation, the charts and figures stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('.mainnav').isVisible()).toBe(false);
    expect(await page.locator('.headline').first().isVisible()).toBe(true);
    await page.pdf({ path: path.join(OUTPUT_DIR, 'dashboard.pdf'), format: 'A4' });
    await page.close();
  });
});

// With the sample data loaded before the browser starts: these do not depend on the test above.
describe('e2e/dashboard with data', () => {
  const suite = browserSuite(async (server) => {
    const res = await fetch(`${server.url}/sample`, {
      method: 'POST',
      redirect: 'manual',
      headers: server.adminHeaders,
    });
    expect(res.status).toBe(303);
  });

  it('changes the as-of month and the department in place, with the state in the URL', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/`);
    await page.waitForFunction(() => 'htmx' in window);
    const before = await page.locator('.multiple').first().innerHTML();
    // A month not computed before: the overview is cold, however long that takes here.
    await htmxSettled(page, () => page.selectOption('select[name=asof]', '2021-06'));
    expect(await page.locator('.dashboard-title').textContent()).toBe('截至2021年6月完成情况');
    expect(page.url()).toContain('asof=2021-06');
    expect(await page.locator('.multiple').first().innerHTML()).not.toBe(before);
    await htmxSettled(page, () => page.selectOption('select[name=department]', '省住房城乡建设厅'));
    expect(decodeURIComponent(page.url())).toContain('department=省住房城乡建设厅');
    expect(await page.locator('.multiple').count()).toBe(6);
    expect(await page.locator('.hero h1').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'dashboard-filtered.png'), fullPage: false });
    await page.goto(`${suite.server.url}/indicators/2021-T10-1`);
    await page.waitForSelector('.progress-chart svg');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'indicator.png'), fullPage: true });
    await page.close();
  });

  it('downloads the snapshot of the filtered view from the page', async () => {
    const page = await suite.newPage({ acceptDownloads: true });
    await page.goto(`${suite.server.url}/?asof=2021-09&department=${encodeURIComponent('省交通运输厅')}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.downloads a:text("CSV")'),
    ]);
    expect(download.suggestedFilename()).toBe('2021-09-全省-省交通运输厅-指标快照.csv');
    const file = path.join(OUTPUT_DIR, 'snapshot-download.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF指标编码,地区,指标名称')).toBe(true);
    expect(text).toContain('2021-T53-1');
    expect(text).not.toContain('2021-T10-1');
    await page.context().close();
  });
});
