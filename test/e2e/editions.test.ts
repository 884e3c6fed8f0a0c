import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, htmxSettled, OUTPUT_DIR } from '../helpers/browser.js';
import { EDITION_2022 } from '../helpers/documents.js';

/** Elements of a panel reaching past a 390 px screen (none should; a wide table scrolls in its box). */
const overflow = (panel: string) =>
  [...document.querySelectorAll(`${panel}, ${panel} *`)]
    .filter((e) => !e.closest('.table-scroll') || e.classList.contains('table-scroll'))
    .filter((e) => e.getBoundingClientRect().right > 391)
    .map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`)
    .slice(0, 15);

describe('e2e/editions', () => {
  const suite = browserSuite(async (server) => {
    const csv = '指标编码,统计期,数值\n2021-T10-1,2021-12,38000\n2021-T10-2,2021-12,100000\n';
    const up = await server.app.request('/api/uploads', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    if (up.status !== 200) throw new Error(`upload ${up.status}`);
    const form = new FormData();
    form.set('file', new File([JSON.stringify(EDITION_2022)], 'jilin-2022-test.catalog.json'));
    const draft = await server.app.request('/api/documents', { method: 'POST', body: form });
    if (draft.status >= 300) throw new Error(`draft ${draft.status}`);
    await server.app.request('/api/documents/jilin-2022-test/publish', { method: 'POST' });
    const now = await server.app.request('/api/uploads', {
      method: 'POST',
      body: '指标编码,统计期,数值\n2022-T1-1,2022-06,70000\n2022-T1-3,2022-06,12000\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    if (now.status !== 200) throw new Error(`upload ${now.status}`);
  });

  it('confirms and corrects family links on the review page, and draws the 同比 chart beside the table', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 1000 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${suite.server.url}/documents/jilin-2022-test#edition-links`);
    await page.waitForFunction(() => 'htmx' in window);
    const parking = page.locator('#link-2022-T1-2');
    expect(await parking.textContent()).toContain('无对应');
    await parking.locator('input[name=previous]').fill('2021-T39-1');
    await htmxSettled(page, () => parking.locator('button', { hasText: '确认对应' }).click());
    expect(await page.locator('#link-2022-T1-2').textContent()).toContain('已改选（admin');
    expect(await page.locator('#edition-link-history').textContent()).toContain('（无） → 2021-T39-1');
    await htmxSettled(page, () =>
      page.locator('#link-2022-T1-2 button', { hasText: '无上年对应指标' }).click(),
    );
    expect(await page.locator('#link-2022-T1-2').textContent()).toContain('已标为无上年对应指标');
    await page
      .locator('#edition-links')
      .screenshot({ path: path.join(OUTPUT_DIR, 'editions-links-1280.png') });

    await page.goto(`${suite.server.url}/indicators/2022-T1-1`);
    const panel = page.locator('#editions-panel');
    expect(await panel.locator('figure.editions-chart svg').count()).toBe(1);
    expect(await panel.locator('#editions tbody tr').count()).toBe(2);
    // Beside the table on a wide screen.
    const chartBox = await panel.locator('figure.editions-chart').boundingBox();
    const tableBox = await panel.locator('#editions').boundingBox();
    expect(chartBox && tableBox && chartBox.x + chartBox.width <= tableBox.x).toBe(true);
    await panel.screenshot({ path: path.join(OUTPUT_DIR, 'editions-indicator-1280.png') });

    const phone = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.server.url}/indicators/2022-T1-3`);
    await phone.locator('#editions-panel').scrollIntoViewIfNeeded();
    await phone
      .locator('#editions-panel')
      .screenshot({ path: path.join(OUTPUT_DIR, 'editions-indicator-390.png') });
    expect(await phone.evaluate(overflow, '#editions-panel')).toEqual([]);
    await phone.goto(`${suite.server.url}/documents/jilin-2022-test`);
    await phone
      .locator('#edition-links')
      .screenshot({ path: path.join(OUTPUT_DIR, 'editions-links-390.png') });
    expect(await phone.evaluate(overflow, '#edition-links')).toEqual([]);
    await phone.close();
    await page.close();
    expect(violations).toEqual([]);
  });
});
