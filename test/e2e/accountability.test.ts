import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OCTOBER_CSV, pdf } from '../helpers/accountability.js';
import { sessionHeaders, signIn } from '../helpers/accounts.js';
import { browserSuite, OUTPUT_DIR } from '../helpers/browser.js';
import { writeFixture } from '../helpers/ingest.js';

/** Every Content-Security-Policy violation the page reports (none allowed). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Screenshots of a page at desktop width, at 390 px (a phone) and as printed. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-print.png`), fullPage: true });
  await page.pdf({ path: path.join(OUTPUT_DIR, `${name}.pdf`), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('e2e/督办', () => {
  const suite = browserSuite(async (server) => {
    const res = await fetch(`${server.url}/api/uploads?file_name=october.csv`, {
      method: 'POST',
      body: OCTOBER_CSV,
      headers: { ...server.adminHeaders, 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(200);
  });

  it('lets a leader open the 督办 list, print it per department and download it as Excel', async () => {
    const leader = await signIn(suite.server.store, 'leader', 'viewer');
    const page = await suite.newPage(
      { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
      leader,
    );
    const violations = watchCsp(page);
    await page.goto(`${suite.server.url}/`);
    await page.click('.mainnav a[href="/duban"]');
    await page.waitForURL(/\/duban$/);
    await page.selectOption('select[name=asof]', '2021-10');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/asof=2021-10/);
    const bus = page.locator('section[data-department="省交通运输厅"] tr[data-code="2021-T53-1"]');
    expect(await bus.locator('.badge').textContent()).toBe('严重滞后');
    const rent = page.locator('section[data-department="省住房城乡建设厅"] tr[data-code="2021-T26-2"]');
    expect(await rent.locator('.badge').textContent()).toBe('未报送');
    // A leader has nothing to toggle: 含待审核数据 is for those who report and review.
    expect(await page.locator('.toggle').isVisible()).toBe(false);
    await screenshots(page, 'duban');
    // On paper: no navigation, no account, no filters; one department per page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.masthead').isVisible()).toBe(false);
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('.duban-notice').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.downloads a:text("Excel")'),
    ]);
    expect(download.suggestedFilename()).toBe('2021-10-督办清单.xlsx');
    const file = path.join(OUTPUT_DIR, 'duban-download.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('督办清单');
    const codes: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(5).value);
    });
    expect(codes).toEqual(expect.arrayContaining(['2021-T53-1', '2021-T26-2']));
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('shows who owes what on the reporting page, from the overview’s 未报送 count', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = watchCsp(page);
    await page.goto(`${suite.server.url}/?asof=2021-10`);
    await page.click('.status-card.status-missing');
    await page.waitForURL(/\/reporting\?asof=2021-10/);
    const owed = page.locator('.owed-table tr[data-code="2021-T26-2"]');
    expect(await owed.textContent()).toContain('4–9月（6期）');
    expect(
      await page.locator('tr[data-department="省住房城乡建设厅"] td').nth(4).getAttribute('data-state'),
    ).toBe('late');
    await screenshots(page, 'reporting');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

describe('e2e/佐证材料', () => {
  const suite = browserSuite();

  it('lets a reporter attach a PDF to a milestone, and an administrator download it', async () => {
    const clerk = await signIn(suite.server.store, 'traffic', 'reporter', ['省交通运输厅']);
    const file = path.join(suite.server.dir, '站房主体工程验收纪要.pdf');
    const bytes = pdf('station main works accepted');
    writeFileSync(file, bytes);
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } }, clerk);
    const violations = watchCsp(page);
    await page.goto(`${suite.server.url}/indicators/2021-T18-1`);
    await page.setInputFiles('form.evidence-form input[type=file]', file);
    await page.fill('form.evidence-form input[name=note]', '省交通运输厅验收纪要');
    await page.fill('form.evidence-form input[name=period]', '2021-09');
    await page.click('form.evidence-form button[type=submit]');
    await page.waitForURL(/#evidence$/);
    const link = page.locator('#evidence .evidence-list a');
    expect(await link.textContent()).toBe('站房主体工程验收纪要.pdf');
    // The clerk writes a 说明, not a 批示.
    expect(await page.locator('form.comment-form.leader-only').isVisible()).toBe(false);
    await page.fill('form.comment-form.write-only textarea', '9月已完成主体工程验收，纪要见佐证材料。');
    await page.click('form.comment-form.write-only button');
    await page.waitForURL(/#comments$/);
    expect(await page.locator('#comments .comment-explanation').textContent()).toContain(
      '9月已完成主体工程验收',
    );
    await screenshots(page, 'indicator-evidence');
    expect(violations).toEqual([]);
    await page.context().close();

    const admin = await suite.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await admin.goto(`${suite.server.url}/tasks/18`);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.click('.evidence-list a:text("站房主体工程验收纪要.pdf")'),
    ]);
    expect(download.suggestedFilename()).toBe('站房主体工程验收纪要.pdf');
    const saved = path.join(OUTPUT_DIR, 'evidence-download.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(bytes)).toBe(true);
    await admin.context().close();
  });
});

describe('e2e/审核', () => {
  const suite = browserSuite(undefined, { TAIZHANG_APPROVAL: 'required' });

  it('shows a rejected upload’s reason to the reporter, and its values never count', async () => {
    const clerk = await signIn(suite.server.store, 'housing', 'reporter', ['省住房城乡建设厅']);
    const csv = writeFixture(
      suite.server.dir,
      '住建10月.csv',
      '指标编码,统计期,数值\n2021-T26-2,2021-10,70000\n',
    );
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } }, clerk);
    const violations = watchCsp(page);
    await page.goto(`${suite.server.url}/uploads`);
    await page.waitForFunction(() => 'htmx' in window);
    await page.setInputFiles('form.upload-form input[type=file]', csv);
    await page.click('form.upload-form button[type=submit]');
    await page.waitForSelector('#upload-preview');
    await page.click('form.confirm button.primary');
    await page.waitForSelector('.notice-ok');
    expect(await page.locator('.notice-ok').textContent()).toContain('待管理员审核');
    const href = await page.locator('.notice-ok a').getAttribute('href');

    const admin = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(`${suite.server.url}${href}`);
    expect(await admin.locator('#review').textContent()).toContain('待审核');
    await admin.fill('form.reject-form input[name=reason]', '10月数与统计局快报不符，请核实后重报');
    await admin.click('form.reject-form button');
    await admin.waitForSelector('.review-reason');
    await admin.context().close();

    await page.goto(`${suite.server.url}${href}`);
    expect(await page.locator('.review-reason .reason').textContent()).toBe(
      '驳回原因：10月数与统计局快报不符，请核实后重报',
    );
    // No approve or reject buttons for a reporter.
    expect(await page.locator('.review-actions').count()).toBe(0);
    await screenshots(page, 'upload-rejected');
    await page.goto(`${suite.server.url}/uploads`);
    expect(await page.locator('#reviews .review-rejected').textContent()).toContain('10月数与统计局快报不符');
    const api = await fetch(`${suite.server.url}/api/indicators?asof=2021-10&pending=1`, {
      headers: sessionHeaders(clerk, suite.server.url),
    });
    const body = (await api.json()) as { indicators: { code: string; actual: number | null }[] };
    expect(body.indicators.find((i) => i.code === '2021-T26-2')?.actual).toBeNull();
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
