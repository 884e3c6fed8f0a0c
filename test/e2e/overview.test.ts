import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, htmxSettled, OUTPUT_DIR } from '../helpers/browser.js';

describe('e2e/overview', () => {
  const suite = browserSuite();

  it('shows all 58 tasks in readable Chinese and saves a screenshot', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/`);
    expect(await page.locator('article.task').count()).toBe(58);
    expect(await page.locator('h1').textContent()).toContain('吉林省2021年新型城镇化建设');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview.png') });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview-full.png'), fullPage: true });
    await page.close();
  });

  it('filters by department in place, puts the filter in the URL, and the back button restores it', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.server.url}/`);
    await page.waitForFunction(() => 'htmx' in window);
    await htmxSettled(page, () => page.selectOption('select[name=department]', '省交通运输厅'));
    expect(await page.locator('article.task').count()).toBe(4);
    expect(decodeURIComponent(page.url())).toContain('department=省交通运输厅');
    // The page was not reloaded: only the task list was swapped.
    expect(await page.locator('.hero h1').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview-filtered.png') });
    await htmxSettled(page, () => page.goBack(), 'htmx:historyRestore');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('article.task').count()).toBe(58);
    await page.close();
  });

  it('opens a task page from its number', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.click('#task-10 .task-seq');
    await page.waitForURL(/\/tasks\/10$/);
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'task-10.png'), fullPage: true });
    await page.close();
  });
});
