import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, TEST_PASSWORD } from '../helpers/accounts.js';
import { browserSuite, OUTPUT_DIR } from '../helpers/browser.js';
import { writeFixture } from '../helpers/ingest.js';

/** Every Content-Security-Policy violation the page reports (none allowed: no inline script or style). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('e2e/accounts', () => {
  const suite = browserSuite(async (server) => {
    await signIn(server.store, 'housing', 'reporter', ['省住房城乡建设厅']);
    await fetch(`${server.url}/sample`, { method: 'POST', redirect: 'manual', headers: server.adminHeaders });
  });

  it('signs a reporter in, uploads under their name, signs out, and the back button shows nothing private', async () => {
    const context = await suite.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const violations = watchCsp(page);
    await page.goto(`${suite.server.url}/uploads`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=username]', 'housing');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await page.click('form.login-form button[type=submit]');
    await page.waitForURL(`${suite.server.url}/uploads`);
    expect(await page.locator('.account-menu a').first().textContent()).toBe('housing');
    // A reporter sees the upload form but not the administrator's controls.
    expect(await page.locator('form.upload-form').isVisible()).toBe(true);
    expect(await page.locator('.mainnav a[href="/admin/users"]').isVisible()).toBe(false);

    const file = writeFixture(
      suite.server.dir,
      '住建6月.csv',
      '指标编码,统计期,数值\r\n2021-T26-2,2021年6月,4.3万\r\n',
      'gb18030',
    );
    await page.waitForFunction(() => 'htmx' in window);
    await page.setInputFiles('input[type=file]', file);
    await page.click('form.upload-form button[type=submit]');
    await page.waitForSelector('#upload-preview');
    await page.click('form.confirm button.primary');
    await page.waitForSelector('.notice-ok');
    const row = page.locator('#upload-history tbody tr').first();
    expect(await row.locator('.file-name').textContent()).toBe('住建6月.csv');
    expect(await row.textContent()).toContain('housing');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'accounts-reporter-upload.png'), fullPage: true });

    await page.click('.account-menu button');
    await page.waitForURL(`${suite.server.url}/login`);
    await page.goBack();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.content()).not.toContain('住建6月.csv');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('runs every page an administrator uses under the Content-Security-Policy without a violation', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    const violations = watchCsp(page);
    for (const url of [
      '/',
      '/indicators/2021-T10-1',
      '/tasks/10',
      '/briefing',
      '/uploads',
      '/snapshots',
      '/admin/users',
      '/admin/audit',
    ]) {
      const res = await page.goto(`${suite.server.url}${url}`);
      expect(res?.status(), url).toBe(200);
      expect(res?.headers()['content-security-policy'], url).toContain("script-src 'self'");
    }
    // The charts kept their styles from app.css.
    await page.goto(`${suite.server.url}/`);
    const width = await page
      .locator('svg[class^="plot-"]')
      .first()
      .evaluate((svg) => getComputedStyle(svg).maxWidth);
    expect(width).toBe('100%');
    expect(violations).toEqual([]);
    // The watch itself works: an inline script is refused and reported.
    const reported = page.waitForEvent('console', {
      predicate: (message) => /Content Security Policy/i.test(message.text()),
    });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = 1';
      document.body.append(script);
    });
    await reported;
    expect(violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    await page.close();
  });
});
