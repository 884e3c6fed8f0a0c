import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, OUTPUT_DIR } from '../helpers/browser.js';
import { writeFixture } from '../helpers/ingest.js';

describe('e2e/upload', () => {
  const suite = browserSuite();

  it('uploads a GBK file through the form, sees the revision in the preview, commits, and finds it in the history', async () => {
    // An earlier report that the upload will revise.
    const earlier = await fetch(`${suite.server.url}/api/uploads?file_name=earlier.csv`, {
      method: 'POST',
      body: '指标编码,统计期,数值\n2021-T26-2,2021-06,40000\n',
      headers: { ...suite.server.adminHeaders, 'Content-Type': 'text/csv' },
    });
    expect(earlier.status).toBe(200);
    const file = writeFixture(
      suite.server.dir,
      '6月报表.csv',
      '指标编码,统计期,累计完成,地区\r\n2021-T26-2,2021年6月,4.3万,\r\n2021-T26-1,2021年6月,9800,\r\n2021-T53-1,2021年6月,12,长春市\r\n',
      'gb18030',
    );

    const page = await suite.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${suite.server.url}/uploads`);
    await page.waitForFunction(() => 'htmx' in window);
    await page.setInputFiles('input[type=file]', file);
    await page.click('form.upload-form button[type=submit]');
    await page.waitForSelector('#upload-preview');
    expect(await page.locator('#upload-preview h3').textContent()).toBe('检查通过，请确认后提交');
    const revision = page.locator('tr.change-revised');
    expect(await revision.count()).toBe(1);
    expect(await revision.locator('.revision').textContent()).toBe('修订：4万 → 4.3万');
    expect(await page.locator('tr.change-new').count()).toBe(2);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'upload-preview.png'), fullPage: true });

    await page.click('form.confirm button.primary');
    await page.waitForSelector('.notice-ok');
    expect(await page.locator('.notice-ok').textContent()).toContain('新增 2 个、修订 1 个数值');
    const rows = page.locator('#upload-history tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('.file-name').textContent()).toBe('6月报表.csv');
    expect(await rows.first().textContent()).toContain('GBK/GB18030');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'upload-committed.png'), fullPage: true });
    await page.close();
  });
});
