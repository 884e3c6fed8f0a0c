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
    const console: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') console.push(m.text());
    });
    await page.goto(`${suite.server.url}/`);
    const asof = await page.inputValue('select[name=asof]');
    await page.waitForFunction(() => 'htmx' in window);
    await htmxSettled(page, () => page.selectOption('select[name=department]', '省交通运输厅'));
    expect(await page.locator('article.task').count()).toBe(4);
    expect(decodeURIComponent(page.url())).toContain('department=省交通运输厅');
    // The page was not reloaded: only the task list was swapped.
    expect(await page.locator('.hero h1').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'overview-filtered.png') });
    await htmxSettled(page, () => page.check('input[name=status][value=滞后]'));
    expect(decodeURIComponent(page.url())).toContain('status=滞后');
    await htmxSettled(page, () => page.goBack(), 'htmx:historyRestore');
    // Every control shows the state of the URL it came back to, not the one it was loaded with.
    expect(await page.inputValue('select[name=department]')).toBe('省交通运输厅');
    expect(await page.isChecked('input[name=status][value=滞后]')).toBe(false);
    await htmxSettled(page, () => page.goBack(), 'htmx:historyRestore');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('article.task').count()).toBe(58);
    expect(await page.inputValue('select[name=department]')).toBe('');
    expect(await page.inputValue('select[name=asof]')).toBe(asof);
    await htmxSettled(page, () => page.goForward(), 'htmx:historyRestore');
    expect(await page.inputValue('select[name=department]')).toBe('省交通运输厅');
    expect(console.filter((line) => /Content Security Policy/.test(line))).toEqual([]);
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
