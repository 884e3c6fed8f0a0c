import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../catalog/render.js';
import { browserSuite, htmxSettled, OUTPUT_DIR } from '../helpers/browser.js';
import { CITY_2023 } from '../helpers/documents.js';

describe('e2e/documents', () => {
  const suite = browserSuite();

  it('uploads a Word draft, corrects a target and a department, publishes it and sees it on the overview', async () => {
    const file = path.join(suite.server.dir, 'city-2023.docx');
    writeFileSync(file, await toDocx(CITY_2023));
    const page = await suite.newPage({ viewport: { width: 1280, height: 1000 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await page.goto(`${suite.server.url}/documents`);
    await page.waitForFunction(() => 'htmx' in window);
    await page.setInputFiles('form.upload-form input[type=file]', file);
    await Promise.all([page.waitForURL('**/documents/city-2023'), page.click('form.upload-form button')]);
    expect(await page.locator('#document-state').textContent()).toBe('草稿（待审核）');
    expect(await page.locator('#doubts').textContent()).toContain('第2项任务没有找到责任单位');
    await page.waitForFunction(() => 'htmx' in window);

    // A target: 1200 → 1250, its name reworded; htmx swaps the task in place.
    const target = page.locator('#task-1 form.indicator-form').first();
    await target.locator('input[name=value]').fill('1250');
    await target.locator('input[name=name]').fill('改造城镇老旧小区');
    await htmxSettled(page, () => target.locator('button', { hasText: '保存' }).first().click());
    expect(await page.locator('#task-1 form.indicator-form input[name=value]').first().inputValue()).toBe(
      '1250',
    );

    // A department for the task the parser found none for; a short form becomes the full name.
    await page.locator('#task-2 input[name=departments]').fill('市园林局、省发改委');
    await htmxSettled(page, () => page.locator('#task-2 form.department-form button').click());
    expect(await page.locator('#task-2 input[name=departments]').inputValue()).toBe('市园林局、省发展改革委');
    // The doubt is settled and the edits are listed at once (swapped out of band).
    expect(await page.locator('#doubts .doubt.settled').count()).toBe(1);
    expect(await page.locator('#edit-history').textContent()).toContain('（空） → 市园林局、省发展改革委');

    // Selecting text of a task prefills its new-target form.
    await page.evaluate(() => {
      const paragraph = document.querySelector('#task-4 .review-text') as HTMLElement;
      const node = paragraph.firstChild as Text;
      const at = (node.textContent ?? '').indexOf('新增学位');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 4);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      const mark = paragraph.querySelector('mark') as HTMLElement;
      range.setEndAfter(mark);
      selection?.addRange(range);
      paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    const add = page.locator('#task-4 details.add-indicator form');
    expect(await add.locator('input[name=source]').inputValue()).toBe('新增学位8000个');
    expect(await add.locator('input[name=value]').inputValue()).toBe('8000');
    expect(await add.locator('input[name=unit]').inputValue()).toBe('个');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'documents-review-1280.png'), fullPage: true });

    await Promise.all([page.waitForLoadState('load'), page.click('#publish')]);
    await page.waitForSelector('#document-state:text("已发布")');
    expect(await page.locator('#edit-history').textContent()).toContain('1200 → 1250');

    await page.goto(`${suite.server.url}/`);
    expect(await page.locator('.masthead-doc').textContent()).toBe('某市2023年城市更新重点任务');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('改造城镇老旧小区');
    expect(body).toContain('市园林局');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'documents-overview-1280.png'), fullPage: true });

    await page.goto(`${suite.server.url}/documents`);
    expect(await page.locator('#documents tbody tr').count()).toBe(2);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'documents-list-1280.png'), fullPage: true });

    const phone = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.server.url}/documents/city-2023`);
    await phone.screenshot({ path: path.join(OUTPUT_DIR, 'documents-review-390.png'), fullPage: true });
    await phone.locator('#task-1').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(OUTPUT_DIR, 'documents-task-390.png') });
    const wide = await phone.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 391)
        .map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`)
        .slice(0, 15),
    );
    expect(wide).toEqual([]);
    await phone.close();
    await page.close();
    expect(violations).toEqual([]);
  });
});
